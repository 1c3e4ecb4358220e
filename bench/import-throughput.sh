#!/usr/bin/env bash
# Import throughput into SQLite and PostgreSQL, through the real `kizuki import` command.
#
#   bench/import-throughput.sh [--customers N]     (default 20000: about 2 million activity rows)
#
# Generates a demo business, exports it as import-format CSV (kizuki demo --export), then imports the
# activities file (the largest) into a fresh SQLite data directory and into a throwaway PostgreSQL
# cluster on 127.0.0.1 (started from the installed binaries, default durability settings, removed
# afterwards). Prints rows/s for each and appends them to bench/results/import-throughput.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers=20000
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) customers="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/kizuki-bench-XXXXXX)
pgdata="$work/pg"
cleanup() {
  if [ -f "$pgdata/postmaster.pid" ]; then as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

pgbin=$( (pg_config --bindir 2>/dev/null; ls -d /usr/lib/postgresql/*/bin 2>/dev/null) | while read -r d; do [ -x "$d/initdb" ] && echo "$d"; done | sort -V | tail -1)
[ -n "$pgbin" ] || { echo "PostgreSQL server binaries not found: apt-get install postgresql" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cd "$root"
./kizuki --help >/dev/null   # build once, outside the timings
echo "generating a $customers-customer demo and exporting it as CSV…"
./kizuki demo --customers "$customers" --data-dir "$work/demo" --export "$work/csv" --json --no-train >/dev/null
file="$work/csv/activities.csv"
rows=$(( $(wc -l < "$file") - 1 ))
echo "activities.csv: $rows rows, $(du -h "$file" | cut -f1)"

sqlite_json=$(./kizuki import activities "$file" --data-dir "$work/sqlite" --json)
sqlite_rate=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["rowsPerSecond"])' <<<"$sqlite_json")
echo "SQLite:     $sqlite_rate rows/s"

mkdir -p "$pgdata"; [ "$(id -u)" = 0 ] && chown -R postgres "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$pgbin/initdb" -D "$pgdata" -U kizuki --auth=trust -E UTF8 --no-locale >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$work/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$work" start >/dev/null
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$port" -U kizuki -d postgres -qc "CREATE DATABASE bench" >/dev/null
pg_json=$(./kizuki import activities "$file" --data-dir "$work/pgdir" --db "postgres://kizuki@127.0.0.1:$port/bench" --json)
pg_rate=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["rowsPerSecond"])' <<<"$pg_json")
echo "PostgreSQL: $pg_rate rows/s"

python3 - "$root/bench/results/import-throughput.json" "$rows" "$sqlite_rate" "$pg_rate" <<'PY'
import json, sys, platform, os
path, rows, sqlite, pg = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
entry = {"rows": rows, "sqlite_rows_per_s": sqlite, "postgres_rows_per_s": pg,
         "machine": f"{platform.machine()}, {os.cpu_count()} cores", "command": "bench/import-throughput.sh"}
try:
    data = json.load(open(path))
except (FileNotFoundError, ValueError):
    data = []
data.append(entry)
json.dump(data, open(path, "w"), indent=2)
PY
