#!/usr/bin/env python3
"""Planted-feature check of `sgm explain`: the share of planted rows whose top-K explained features are exactly the
planted ones, and (given the data file) the scores' ROC-AUC. Usage: explain_planted.py EXPLAIN.csv PLANTED.csv
[DATA.csv]. Standard library only; the explain file must cover all rows."""
import csv
import sys


def main():
    explain, planted = sys.argv[1], sys.argv[2]
    data = sys.argv[3] if len(sys.argv) > 3 else None
    want = {}
    with open(planted, newline="") as f:
        for r in csv.DictReader(f):
            want[int(r["row"])] = set(r["features"].split(";"))
    top = {}
    scores = {}
    with open(explain, newline="") as f:
        for r in csv.DictReader(f):
            top.setdefault(int(r["row"]), []).append((int(r["rank"]), r["feature"]))
            scores[int(r["row"])] = float(r["score"])
    hits = 0
    for row, features in want.items():
        got = {name for rank, name in sorted(top.get(row, [])) if rank <= len(features)}
        hits += got == features
    line = f"top-k = planted: {hits}/{len(want)} = {hits / len(want):.3f}"
    if data:
        with open(data, newline="") as f:
            labels = [int(float(r["label"])) for r in csv.DictReader(f)]
        line += f"; ROC-AUC {auc([scores[i] for i in range(len(labels))], labels):.4f}"
        # the planted rows among the top len(want) scores: the rows the model itself finds anomalous
        top_rows = set(sorted(scores, key=lambda i: -scores[i])[:len(want)])
        caught = [r for r in want if r in top_rows]
        good = sum({n for rank, n in top[r] if rank <= len(want[r])} == want[r] for r in caught)
        line += f"; among the {len(caught)} planted rows it ranks in its top {len(want)}: {good / max(1, len(caught)):.3f}"
    print(line)


def auc(score, label):
    """Mann-Whitney ROC-AUC, ties counted half."""
    order = sorted(range(len(score)), key=lambda i: score[i])
    ranks = [0.0] * len(score)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and score[order[j + 1]] == score[order[i]]:
            j += 1
        for t in range(i, j + 1):
            ranks[order[t]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(label)
    neg = len(label) - pos
    return (sum(r for r, y in zip(ranks, label) if y) - pos * (pos + 1) / 2) / (pos * neg)


if __name__ == "__main__":
    main()
