#!/usr/bin/env bash
# SG-AE training speed against the PyTorch yardstick (shared/reference/sgae_torch.py), the same work on both sides:
# the same training rows (the yardstick's own split, scaling and 1 % swap noise, written out by
# bench/yardstick_split.py and read by `sgm fit` with no further scaling), the paper's settings (sg-ae@paper: the
# same widths, batch 1024, Adam 1e-4), the same number of epochs, no early stopping, one thread each
# (OMP_NUM_THREADS=1, --threads 1). Three runs each, interleaved (seeds 1, 2, 3: each seed its own split, used by
# both). Samples/s = training rows × epochs / training time, the per-epoch threshold pass included on both sides.
# Prints each run, the medians and their ratio as the last line.
# Usage: bench/train-vs-yardstick.sh [EPOCHS] [DATA]    (defaults: 50, ../shared/datasets/market.csv)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
epochs="${1:-50}"
data="${2:-$root/../shared/datasets/market.csv}"
ref="$root/../shared/reference/sgae_torch.py"
py=/usr/bin/python3
export OMP_NUM_THREADS=1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/sgm" models >/dev/null   # build once, outside the timings

sgm_runs=(); ref_runs=()
for i in 1 2 3; do
  rows=$("$py" "$root/bench/yardstick_split.py" "$data" "$i" "$tmp/train.csv")
  s=$("$root/sgm" fit --model sg-ae@paper --data "$tmp/train.csv" --label-column none --scaling none \
        --epochs "$epochs" --no-early-stop --seed "$i" --out "$tmp/m.sgm" 2>&1 \
        | sed -n 's/.*(\([0-9]*\) samples\/s).*/\1/p')
  out=$("$py" "$ref" --data "$data" --epochs "$epochs" --no-early-stop --seed "$i" --threads 1 --test-size 0.2 \
        --inject 0.01)
  r=$(printf '%s\n' "$out" | "$py" -c 'import json,sys; print(int(json.load(sys.stdin)["train_samples_per_second"]))')
  n=$(printf '%s\n' "$out" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["n_train"])')
  echo "run $i: $rows rows (yardstick: $n), sgm $s samples/s, yardstick $r samples/s"
  sgm_runs+=("$s"); ref_runs+=("$r")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
ms=$(median "${sgm_runs[@]}"); mr=$(median "${ref_runs[@]}")
echo "median: sgm $ms samples/s, yardstick $mr samples/s"
awk -v a="$ms" -v b="$mr" 'BEGIN { printf "ratio sgm/yardstick = %.2f\n", a / b }'
