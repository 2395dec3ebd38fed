#!/usr/bin/env bash
# The planted-feature check of `sgm explain` (docs/explanations.md): anomalies shifted by ALPHA standard deviations
# in 2 of 20 features; each model is fitted on all rows (no labels), every row explained, and the share of planted
# rows whose top-2 features are the planted two reported, with the scores' ROC-AUC.
# Usage: bench/explain-planted.sh [ROWS] [ANOMALY_RATE] [SEED] [MODELS] [EXTRA FIT ARGS...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-2000}
rate=${2:-0.1}
seed=${3:-1}
models=${4:-sg-ae,ae,sg-dsvdd,dsvdd,sg-rda,rda,sg-rsrae,rsrae,sg-dagmm,dagmm}
shift $(( $# < 4 ? $# : 4 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/sgm" synth --kind planted --rows "$rows" --anomaly-rate "$rate" --seed "$seed" --out "$work/p.csv" --quiet
for m in ${models//,/ }; do
  "$here/sgm" fit --model "$m" --data "$work/p.csv" --seed "$seed" --out "$work/$m.sgm" --quiet "$@"
  for method in gradients reconstruction; do
    if "$here/sgm" explain --model "$work/$m.sgm" --data "$work/p.csv" --top 2 --method "$method" \
        --out "$work/$m.$method.csv" --quiet 2>"$work/err"; then
      printf '%-10s %-15s %s\n' "$m" "$method" "$(python3 "$here/bench/explain_planted.py" "$work/$m.$method.csv" \
        "$work/p.planted.csv" "$work/p.csv")"
    else
      printf '%-10s %-15s %s\n' "$m" "$method" "($(head -1 "$work/err"))"
    fi
  done
done
