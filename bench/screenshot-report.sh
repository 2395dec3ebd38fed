#!/usr/bin/env bash
# Opens an experiment report in headless Chromium and saves a full-page screenshot, to look at it as a reader does.
# Usage: bench/screenshot-report.sh [REPORT_HTML] [OUT_PNG]
#   With no REPORT_HTML, writes a demo report from synthetic cells first (3 datasets × 15 models × 3 seeds, via the
#   test helper org.sgm.eval.report.ReportDemo) into sgm-eval/target/report-demo/.
# Needs a Chromium (apt-get install chromium); the Maven build and CI do not.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
html="${1:-}"
out="${2:-}"
if [[ -z "$html" ]]; then
  (cd "$root" && mvn -q -B -o -pl sgm-eval -am test-compile)
  cp_file="$(mktemp)"
  trap 'rm -f "$cp_file"' EXIT
  (cd "$root" && mvn -q -B -o -pl sgm-eval dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file" >/dev/null)
  demo="$root/sgm-eval/target/report-demo"
  java -cp "$root/sgm-eval/target/classes:$root/sgm-eval/target/test-classes:$(cat "$cp_file")" \
      org.sgm.eval.report.ReportDemo "$demo" 3 15 3 2000
  html="$demo/report.html"
fi
html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
out="${out:-${html%.html}-screenshot.png}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "no Chromium found: apt-get install chromium (or pass a report to open elsewhere)" >&2
  exit 2
fi
# Tall window: the screenshot covers the window, so make it long enough for the tables and the first datasets.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,"${HEIGHT:-6000}" \
    --screenshot="$out" "file://$html" 2>/dev/null
echo "screenshot: $out"
