#!/usr/bin/env python3
"""Expected scores of the shallow detectors on fixed small data, for ClassicReferenceTest (sgm-eval):
scikit-learn's NearestNeighbors for k-NN (PyOD's KNN is built on it: the k-th, mean and median distance to the
k nearest training rows), scikit-learn's LocalOutlierFactor(novelty=True) for LOF (score = -score_samples), and
ECOD's formula as SGM defines it (docs/baselines.md: each test row scored as if added alone to the training rows;
skewness sign from the training rows). The data are float32 values, so that Java reads them exactly.

Usage: /usr/bin/python3 bench/classic_reference.py > sgm-eval/src/test/resources/classic-reference.json
"""
import json
import sys

import numpy as np
from scipy.stats import skew
from sklearn.neighbors import LocalOutlierFactor, NearestNeighbors

rng = np.random.default_rng(20261206)
train = np.vstack([rng.normal(0, 1, (180, 4)), rng.normal(0, 1, (20, 4)) * 0.3 + 3, rng.uniform(-6, 6, (6, 4))])
test = np.vstack([rng.normal(0, 1, (40, 4)), rng.uniform(-6, 6, (10, 4))])
train = train.astype(np.float32).astype(np.float64)
test = test.astype(np.float32).astype(np.float64)

nn = NearestNeighbors(n_neighbors=5).fit(train)
dist, _ = nn.kneighbors(test)
knn = {"largest": dist[:, -1], "mean": dist.mean(axis=1), "median": np.median(dist, axis=1)}

lof = LocalOutlierFactor(n_neighbors=20, novelty=True).fit(train)
lof_scores = -lof.score_samples(test)

n = train.shape[0]
signs = np.sign(skew(train, axis=0))
ecod = []
for x in test:
    left = ((train <= x).sum(axis=0) + 1) / (n + 1)
    right = ((train >= x).sum(axis=0) + 1) / (n + 1)
    ul, ur = -np.log(left), -np.log(right)
    u_skew = np.where(signs > 0, ur, np.where(signs < 0, ul, ul + ur))
    ecod.append(np.maximum(u_skew, (ul + ur) / 2).sum())

json.dump({
    "generator": "bench/classic_reference.py",
    "train": train.tolist(), "test": test.tolist(),
    "knn_k5": {k: v.tolist() for k, v in knn.items()},
    "lof_k20": lof_scores.tolist(),
    "ecod": ecod,
}, sys.stdout, indent=0)
