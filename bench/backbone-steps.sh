#!/usr/bin/env bash
# ms per optimizer step of every built-in backbone and its plain twin (default hyperparameters, 51 features as
# market.csv after one-hot encoding, batch 256), on the fast engine and on SameDiff. Each model runs in its own JVM
# (the fast engine's kernels are shared, so one JVM for all would mix their JIT profiles), three rounds interleaved;
# the table gives the medians and the ratio to SG-AE's fast step of the same rounds.
# Usage: bench/backbone-steps.sh [FAST_STEPS]   (default 600; SameDiff runs a tenth of that, at least 20)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
steps="${1:-600}"
export OMP_NUM_THREADS=1
(cd "$root" && mvn -q -B install -DskipTests && mvn -q -B -f bench/pom.xml package) >/dev/null
keys="sg-ae ae sg-dsvdd dsvdd sg-rda rda sg-rsrae rsrae sg-dagmm dagmm"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for round in 1 2 3; do
  for key in $keys; do
    java -Xmx1g -cp "$root/bench/target/benchmarks.jar" org.sgm.core.train.BackboneSteps "$steps" "$key" \
      2>/dev/null | grep "^| $key |" >> "$out"
  done
done
echo "| model | fast ms/step | SameDiff ms/step | SameDiff / fast | fast / SG-AE fast |"
echo "|---|---|---|---|---|"
for key in $keys; do
  f=$(grep "^| $key |" "$out" | awk -F'|' '{print $3}' | sort -n | sed -n 2p)
  s=$(grep "^| $key |" "$out" | awk -F'|' '{print $4}' | sort -n | sed -n 2p)
  base=$(grep "^| sg-ae |" "$out" | awk -F'|' '{print $3}' | sort -n | sed -n 2p)
  awk -v k="$key" -v f="$f" -v s="$s" -v b="$base" \
    'BEGIN { printf "| %s | %.3f | %.2f | %.1f× | %.2f× |\n", k, f, s, s / f, f / b }'
done
echo "(batch 256, 51 features, medians of 3 rounds, $steps fast / $(( steps / 10 < 20 ? 20 : steps / 10 )) SameDiff steps each)"
