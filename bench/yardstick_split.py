#!/usr/bin/env python3
"""Writes the training rows the PyTorch yardstick trains on (shared/reference/sgae_torch.py's own `load`: stratified
split, z-scoring on the training part, swap-noise injection) to a CSV file, so that SGM trains on exactly the same
rows in bench/train-vs-yardstick.sh. Usage: yardstick_split.py DATA SEED OUT.csv"""
import csv
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "reference"))
import sgae_torch  # noqa: E402

data, seed, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
x_tr, _, _, _ = sgae_torch.load(data, seed, 0.2, 0.01)
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow([f"f{j + 1}" for j in range(x_tr.shape[1])])
    for row in x_tr:
        w.writerow([repr(float(v)) for v in row])
print(x_tr.shape[0])
