#!/usr/bin/env bash
# Batch feature throughput: `kizuki features --out` on a fresh demo (default 100,000 customers): wall time, CPU time,
# peak RSS, events/s and events/s per core (events divided by user+system CPU seconds of the whole process).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-100000}"
work=$(mktemp -d /tmp/kizuki-features-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$root"
./kizuki --help >/dev/null   # build once, outside the timing
./kizuki demo --customers "$customers" --data-dir "$work/data" --lang en --no-train >/dev/null
# Run 1 follows the import, so it also builds the activity snapshot (the store's activities as a mapped file beside
# it, rebuilt after every import); run 2 reads the snapshot and a warm file cache: the steady state between imports.
for run in 1 2; do
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    ./kizuki features --out "$work/features.csv" --data-dir "$work/data" --json --lang en >"$work/out.json"
  read -r wall user sys rss <"$work/time"
  python3 - "$work/out.json" "$wall" "$user" "$sys" "$rss" "$run" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
wall, user, system, rss, run = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
events, cpu = out["events"], float(sys.argv[3]) + float(sys.argv[4])
print(f"run {run}: {out['rows']:,} rows x {out['features']} features, {events:,} events; "
      f"compute {out['computeSeconds']:.2f} s = {out['eventsPerSecond']:,.0f} events/s; "
      f"process wall {wall:.2f} s, cpu {cpu:.2f} s = {events / cpu:,.0f} events/s per core; peak RSS {rss / 1024:.0f} MiB")
PY
done
