#!/usr/bin/env bash
# Explanations at scale: a 100,000-customer SaaS demo (trained), then `kizuki score`, which explains every active
# customer (exact contributions, reasons, action) and stores the reasons with each score.
# Prints the scoring step's wall seconds (encode + TreeSHAP + reasons + probabilities; features and storage excluded),
# the process CPU seconds, and the demo's agreement line (planted mechanism among the top reasons of high-risk customers).
# Usage: bench/explain.sh [customers] [artifacts-dir]
set -euo pipefail
customers=${1:-100000}
artifacts=${2:-/tmp/art-explain}
dir=/tmp/kizuki-explain-bench-$customers
cd "$(dirname "$0")/.."
dotnet build src/Kizuki.Cli -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
kizuki() { dotnet "$artifacts/bin/Kizuki.Cli/release/kizuki.dll" "$@"; }
if [ ! -f "$dir/kizuki.db" ]; then
  kizuki demo --customers "$customers" --data-dir "$dir" --force | grep -E "高リスク|high-risk" || true
fi
/usr/bin/time -f "cpu_seconds=%U+%S wall=%e" dotnet "$artifacts/bin/Kizuki.Cli/release/kizuki.dll" score --data-dir "$dir" --json \
  | grep -E '"customers"|"scoringSeconds"|"featureSeconds"|"seconds"'
