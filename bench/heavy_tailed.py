#!/usr/bin/env python3
"""Writes the three heavy-tailed synthetic files of docs/defaults.md (round 2, P, R and S) and models/sg-dsvdd.md.

    /usr/bin/python3 bench/heavy_tailed.py OUT_DIR

heavy.csv            600 rows, 8 log-normal columns (sigma 3); 5 % anomalies: +50 in every column
heavy-tail-anom.csv  3,000 rows, 10 log-normal columns (sigma 1.5); 5 % anomalies: 2 random columns times 20
heavy-mild.csv       3,000 rows, 10 log-normal columns (sigma 1); 5 % anomalies: +3 in every column
Columns f0..fN, then label (1 = anomaly). Needs numpy and pandas (Debian: python3-pandas).
"""
import os
import sys

import numpy as np
import pandas as pd


def write(path, x, y):
    d = pd.DataFrame(x, columns=[f"f{i}" for i in range(x.shape[1])])
    d["label"] = y
    d.to_csv(path, index=False)


def labels(rng, n, k):
    y = np.zeros(n, int)
    idx = rng.choice(n, k, replace=False)
    y[idx] = 1
    return y, idx


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(0)
    n = 600
    y, _ = labels(rng, n, int(n * 0.05))
    rng.normal(size=(n, 8))  # a draw of the session-7 probe that made this file first; kept so the file is the same
    write(os.path.join(out, "heavy.csv"), np.exp(3 * rng.normal(size=(n, 8))) + y[:, None] * 50, y)
    rng = np.random.default_rng(11)
    n = 3000
    x = np.exp(1.5 * rng.normal(size=(n, 10)))
    y, idx = labels(rng, n, 150)
    for i in idx:
        x[i, rng.choice(10, 2, replace=False)] *= 20
    write(os.path.join(out, "heavy-tail-anom.csv"), x, y)
    x = np.exp(1.0 * rng.normal(size=(n, 10)))
    y, idx = labels(rng, n, 150)
    x[idx] += 3
    write(os.path.join(out, "heavy-mild.csv"), x, y)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "heavy-tailed")
