package org.sgm.eval.baselines;

import java.util.Arrays;

/**
 * Exact k-nearest-neighbour search in Euclidean distance over a fixed set of rows: a k-d tree (median splits on the
 * widest coordinate, leaves of at most {@value #LEAF} rows) searched depth-first, nearer child first, pruning a
 * subtree once its bounding box is farther than the k-th best distance found so far. Distances are computed in
 * double precision from the float values.
 *
 * <p>Why a tree and not blocked products on BLAS: the shared files with the most rows (http, smtp, cover, donors;
 * 60,000–190,000 training rows) have 3 to 10 features, where a k-d tree answers a query by visiting a few leaves
 * (a fit of LOF on http's training part measured in seconds); on the wide files (arrhythmia, musk: up to 274
 * features) the tree visits most leaves, which costs what a brute-force scan costs, and those files have at most a
 * few thousand rows. No maintained JVM library with a permissive licence offers this (Smile and ELKI are GPL/AGPL).
 *
 * <p>Immutable after construction and safe to query from several threads.
 */
final class NeighbourIndex {
    /** Rows per leaf. */
    static final int LEAF = 32;

    private final float[] data;
    private final int d;
    /** Row indices, permuted so that every node's rows are contiguous. */
    private final int[] order;
    /** Per node: first position in {@link #order}, one past the last, split coordinate (−1 = leaf), children. */
    private final int[] from;
    private final int[] to;
    private final int[] axis;
    private final int[] left;
    private final int[] right;
    /** Per node: its bounding box, {@code [node][2·d]} flattened (min then max of each coordinate). */
    private final float[] box;
    private int nodes;

    /**
     * @param data row-major values, {@code n × d}; kept, not copied
     * @param n rows
     * @param d columns
     */
    NeighbourIndex(float[] data, int n, int d) {
        this.data = data;
        this.d = d;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int capacity = Math.max(1, 2 * (n / LEAF + 1) * 2);
        from = new int[capacity];
        to = new int[capacity];
        axis = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        box = new float[capacity * 2 * d];
        if (n > 0) {
            build(0, n);
        }
    }

    /** @return the number of rows */
    int rows() {
        return order.length;
    }

    private int build(int lo, int hi) {
        int node = nodes++;
        from[node] = lo;
        to[node] = hi;
        int b = node * 2 * d;
        for (int j = 0; j < d; j++) {
            box[b + j] = Float.POSITIVE_INFINITY;
            box[b + d + j] = Float.NEGATIVE_INFINITY;
        }
        for (int p = lo; p < hi; p++) {
            int r = order[p] * d;
            for (int j = 0; j < d; j++) {
                float v = data[r + j];
                box[b + j] = Math.min(box[b + j], v);
                box[b + d + j] = Math.max(box[b + d + j], v);
            }
        }
        int widest = -1;
        float width = 0;
        for (int j = 0; j < d; j++) {
            float w = box[b + d + j] - box[b + j];
            if (w > width) {
                width = w;
                widest = j;
            }
        }
        if (hi - lo <= LEAF || widest < 0) {
            axis[node] = -1;
            return node;
        }
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, widest);
        axis[node] = widest;
        left[node] = build(lo, mid);
        right[node] = build(mid, hi);
        return node;
    }

    /** Quickselect: positions lo..hi of {@link #order} partitioned so that position k holds the k-th value on axis. */
    private void select(int lo, int hi, int k, int ax) {
        while (lo < hi) {
            float pivot = data[order[(lo + hi) >>> 1] * d + ax];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (data[order[i] * d + ax] < pivot) {
                    i++;
                }
                while (data[order[j] * d + ax] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * The k nearest indexed rows of a query point, nearest first (ties in index order).
     *
     * @param query the point, d values at {@code offset}
     * @param offset where the point starts in {@code query}
     * @param k how many neighbours (at most {@link #rows()} − 1 when {@code exclude} is an indexed row)
     * @param exclude an indexed row to leave out (the query itself), or −1
     * @param idx receives the neighbours' row indices
     * @param dist receives their distances
     */
    void nearest(float[] query, int offset, int k, int exclude, int[] idx, double[] dist) {
        // A max-heap of the best k squared distances so far (root = the worst of them).
        double[] heapD = new double[k];
        int[] heapI = new int[k];
        int[] size = {0};
        search(0, query, offset, k, exclude, heapD, heapI, size);
        int n = size[0];
        Integer[] byDistance = new Integer[n];
        for (int i = 0; i < n; i++) {
            byDistance[i] = i;
        }
        Arrays.sort(byDistance, (a, b) -> heapD[a] != heapD[b] ? Double.compare(heapD[a], heapD[b])
                : Integer.compare(heapI[a], heapI[b]));
        for (int i = 0; i < n; i++) {
            idx[i] = heapI[byDistance[i]];
            dist[i] = Math.sqrt(heapD[byDistance[i]]);
        }
    }

    private void search(int node, float[] q, int off, int k, int exclude, double[] heapD, int[] heapI, int[] size) {
        if (size[0] == k && boxDistance(node, q, off) > heapD[0]) {
            return;
        }
        if (axis[node] < 0) {
            for (int p = from[node]; p < to[node]; p++) {
                int row = order[p];
                if (row == exclude) {
                    continue;
                }
                double sq = 0;
                int r = row * d;
                for (int j = 0; j < d; j++) {
                    double diff = (double) q[off + j] - data[r + j];
                    sq += diff * diff;
                }
                offer(sq, row, k, heapD, heapI, size);
            }
            return;
        }
        int ax = axis[node];
        int l = left[node];
        int rt = right[node];
        // The child whose box holds the query's coordinate first: its neighbours shrink the bound soonest.
        boolean leftFirst = q[off + ax] <= box[l * 2 * d + d + ax];
        search(leftFirst ? l : rt, q, off, k, exclude, heapD, heapI, size);
        search(leftFirst ? rt : l, q, off, k, exclude, heapD, heapI, size);
    }

    /** Squared distance from the query to a node's bounding box (0 inside it). */
    private double boxDistance(int node, float[] q, int off) {
        int b = node * 2 * d;
        double sq = 0;
        for (int j = 0; j < d; j++) {
            double v = q[off + j];
            double lo = box[b + j];
            double hi = box[b + d + j];
            double diff = v < lo ? lo - v : v > hi ? v - hi : 0;
            sq += diff * diff;
        }
        return sq;
    }

    /** Offers a candidate to the max-heap; on equal distances the lower row index is kept. */
    private static void offer(double sq, int row, int k, double[] heapD, int[] heapI, int[] size) {
        int n = size[0];
        if (n < k) {
            heapD[n] = sq;
            heapI[n] = row;
            size[0] = n + 1;
            siftUp(heapD, heapI, n);
            return;
        }
        if (sq < heapD[0] || sq == heapD[0] && row < heapI[0]) {
            heapD[0] = sq;
            heapI[0] = row;
            siftDown(heapD, heapI, n);
        }
    }

    private static boolean worse(double[] d, int[] i, int a, int b) {
        return d[a] > d[b] || d[a] == d[b] && i[a] > i[b];
    }

    private static void siftUp(double[] d, int[] idx, int c) {
        while (c > 0) {
            int p = (c - 1) / 2;
            if (!worse(d, idx, c, p)) {
                return;
            }
            swap(d, idx, c, p);
            c = p;
        }
    }

    private static void siftDown(double[] d, int[] idx, int n) {
        int p = 0;
        while (true) {
            int l = 2 * p + 1;
            int r = l + 1;
            int worst = p;
            if (l < n && worse(d, idx, l, worst)) {
                worst = l;
            }
            if (r < n && worse(d, idx, r, worst)) {
                worst = r;
            }
            if (worst == p) {
                return;
            }
            swap(d, idx, p, worst);
            p = worst;
        }
    }

    private static void swap(double[] d, int[] idx, int a, int b) {
        double td = d[a];
        d[a] = d[b];
        d[b] = td;
        int ti = idx[a];
        idx[a] = idx[b];
        idx[b] = ti;
    }
}
