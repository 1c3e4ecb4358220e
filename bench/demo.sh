#!/usr/bin/env bash
# Time and peak memory of the main job: `kizuki demo --customers N` (default 100000) into a fresh data directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-100000}"
scenario="${2:-saas}"
work=$(mktemp -d /tmp/kizuki-demo-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$root"
./kizuki --help >/dev/null   # build once, outside the timing
/usr/bin/time -f "wall %e s, peak RSS %M KiB" ./kizuki demo --scenario "$scenario" --customers "$customers" --data-dir "$work/data" --lang en 2>&1 \
  | grep -E "customers,|records written|wall"
