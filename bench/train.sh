#!/usr/bin/env bash
# Time of `kizuki train` on a demo business of N customers (default 100000): the demo data is generated first
# (`kizuki demo --no-train`, not timed), then training runs under /usr/bin/time (wall, CPU, peak RSS) with --verbose,
# which prints each stage's elapsed and CPU seconds. On a shared machine, CPU seconds / cores is the fair wall estimate.
#   bench/train.sh [CUSTOMERS] [saas|ec] [DATA_DIR]   (DATA_DIR: reuse demo data there instead of a fresh temporary one)
#   KIZUKI=path/to/kizuki bench/train.sh ...          (another build of the command; default ./kizuki)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-100000}"
scenario="${2:-saas}"
data="${3:-}"
kizuki="${KIZUKI:-./kizuki}"
cd "$root"
"$kizuki" --help >/dev/null   # build once, outside the timing
if [ -z "$data" ]; then
  work=$(mktemp -d /tmp/kizuki-train-bench-XXXXXX)
  trap 'rm -rf "$work"' EXIT
  data="$work/data"
fi
if [ ! -e "$data/kizuki.db" ]; then
  "$kizuki" demo --scenario "$scenario" --customers "$customers" --no-train --data-dir "$data" --lang en >/dev/null
fi
/usr/bin/time -f "train: wall %e s, CPU %U s user + %S s system, peak RSS %M KiB" \
  "$kizuki" train --verbose --data-dir "$data" --lang en
