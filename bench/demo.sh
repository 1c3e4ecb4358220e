#!/usr/bin/env bash
# Time and peak memory of the main job: `kizuki demo --customers N` (default 100000) into a fresh data directory.
#   bench/demo.sh [CUSTOMERS] [saas|ec] [--no-train]   (--no-train: generate, import and summarise only)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-100000}"
scenario="${2:-saas}"
extra="${3:-}"
work=$(mktemp -d /tmp/kizuki-demo-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$root"
./kizuki --help >/dev/null   # build once, outside the timing
/usr/bin/time -f "wall %e s, peak RSS %M KiB" ./kizuki demo --scenario "$scenario" --customers "$customers" --data-dir "$work/data" --lang en $extra 2>&1 \
  | grep -E "customers,|records written|Trained model|wall"
