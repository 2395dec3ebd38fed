#!/usr/bin/python3
"""scikit-learn's IsolationForest on the very splits an SGM experiment used, written as SGM cell files.

An experiment run with "exportSplits": true leaves, for every dataset and seed,
  DIR/splits/<dataset>__seed<N>.train.csv   the preprocessed, noised training rows (no labels)
  DIR/splits/<dataset>__seed<N>.test.csv    the preprocessed test rows, label last (1 = anomaly)
This script fits IsolationForest(n_estimators=100, random_state=seed) on each training part, scores the test part
(higher = more anomalous: the negated score_samples) and writes DIR/cells/<dataset>__<model>__seed<N>.json in the
runner's CellRecord format, copying the dataset's provenance from an SGM cell of the same dataset and seed. The
report then ranks it with every other detector. Finished cells are skipped, so the script resumes.

Usage: /usr/bin/python3 bench/iforest_cells.py DIR [--model sklearn-iforest]
Needs Debian's python3-sklearn and python3-pandas (not needed by SGM itself).
"""
import argparse
import datetime
import glob
import json
import os
import re
import sys
import tempfile
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score


def safe(s):
    return re.sub(r"[^A-Za-z0-9._-]", "_", s)


def atomic_write(path, text):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--model", default="sklearn-iforest")
    args = ap.parse_args()
    splits = sorted(glob.glob(os.path.join(args.dir, "splits", "*.train.csv")))
    if not splits:
        sys.exit(f"iforest_cells: error: no {args.dir}/splits/*.train.csv (run the experiment with \"exportSplits\": true)")
    cells = os.path.join(args.dir, "cells")
    done = 0
    for train_file in splits:
        stem = os.path.basename(train_file)[: -len(".train.csv")]
        m = re.fullmatch(r"(.+)__seed(\d+)", stem)
        if not m:
            continue
        dataset_safe, seed = m.group(1), int(m.group(2))
        out = os.path.join(cells, f"{dataset_safe}__{safe(args.model)}__seed{seed}.json")
        if os.path.exists(out):
            continue
        siblings = [p for p in glob.glob(os.path.join(cells, f"{dataset_safe}__*__seed{seed}.json"))]
        if not siblings:
            print(f"skip {stem}: no SGM cell of this dataset and seed to take its provenance from", file=sys.stderr)
            continue
        with open(siblings[0]) as f:
            ref = json.load(f)
        x_train = pd.read_csv(train_file).to_numpy(dtype=np.float64)
        test = pd.read_csv(os.path.join(args.dir, "splits", stem + ".test.csv"))
        y = test.iloc[:, -1].to_numpy().astype(int)
        x_test = test.iloc[:, :-1].to_numpy(dtype=np.float64)
        t0 = time.perf_counter()
        model = IsolationForest(n_estimators=100, random_state=seed).fit(x_train)
        t1 = time.perf_counter()
        scores = -model.score_samples(x_test)
        t2 = time.perf_counter()
        record = {
            "id": f"{dataset_safe}__{safe(args.model)}__seed{seed}",
            "dataset": ref["dataset"], "dataSource": ref["dataSource"], "dataSha256": ref["dataSha256"],
            "model": args.model, "detectorKey": args.model,
            "hyperparameters": {"n_estimators": 100, "max_samples": "auto", "random_state": seed},
            "seed": seed, "protocol": ref["protocol"],
            "metrics": {"roc_auc": float(roc_auc_score(y, scores)),
                        "average_precision": float(average_precision_score(y, scores))},
            "testScores": [float(s) for s in scores], "testLabels": [int(v) for v in y], "history": [],
            "fitSeconds": t1 - t0, "scoreSeconds": t2 - t1,
            "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__,
                         "python": sys.version.split()[0]},
            "finishedAt": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
        }
        atomic_write(out, json.dumps(record))
        done += 1
        print(f"{record['id']}: ROC-AUC {record['metrics']['roc_auc']:.4f}", flush=True)
    print(f"iforest_cells: {done} cell(s) written")


if __name__ == "__main__":
    main()
