#!/usr/bin/env bash
# Trains SG-AE on market.csv in SGM and in the PyTorch yardstick (shared/reference/sgae_torch.py), same architecture
# (auto widths 51→40→20, scorer 20→10→1), batch 1024, the same number of epochs, no early stopping, one thread
# each (OMP_NUM_THREADS=1), three times each, interleaved. Prints each run, then the median samples/s of each and
# their ratio as the last line. Samples/s = training rows × epochs / training time (threshold passes included).
# Usage: bench/train-vs-yardstick.sh [EPOCHS] [DATA]    (defaults: 50, ../shared/datasets/market.csv; 50 epochs
# amortise the JVM's first-epoch JIT warm-up, ~0.2 s, as a long training run does)
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
  s=$("$root/sgm" fit --model sg-ae --data "$data" --epochs "$epochs" --no-early-stop --seed "$i" \
        --out "$tmp/m.sgm" 2>&1 | sed -n 's/.*(\([0-9]*\) samples\/s).*/\1/p')
  r=$("$py" "$ref" --data "$data" --epochs "$epochs" --no-early-stop --seed "$i" --threads 1 --test-size 0.2 \
        --inject 0.01 | "$py" -c 'import json,sys; print(int(json.load(sys.stdin)["train_samples_per_second"]))')
  echo "run $i: sgm $s samples/s, yardstick $r samples/s"
  sgm_runs+=("$s"); ref_runs+=("$r")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
ms=$(median "${sgm_runs[@]}"); mr=$(median "${ref_runs[@]}")
echo "median: sgm $ms samples/s, yardstick $mr samples/s"
awk -v a="$ms" -v b="$mr" 'BEGIN { printf "ratio sgm/yardstick = %.2f\n", a / b }'
