#!/usr/bin/env bash
# End-to-end benchmark against the Python peer (issue 9). For each size: a SaaS demo is generated and exported as
# import-format CSV (untimed); then each stage of Kizuki runs under /usr/bin/time -v (wall, user+system CPU, peak RSS):
# import of the CSV files into a fresh data directory, features, train, score (with explanations), one explain. Then the
# peer (bench/peer, Python: pandas, numpy, scikit-learn, xgboost) on the same data: (a) the training set Kizuki builds,
# same split, HistGradientBoosting and xgboost beside our trees; (b) end to end from the raw CSV files. Last, the
# accuracy table (Telco CV AUC, CDNOW BTYD fits, Online Retail, demo AUC vs oracle).
#
#   bench/run.sh [--customers N[,N...]] [--out DIR] [--keep]
#     --customers  sizes (default 10000,100000). 1000000 is accepted (not run here) but needs about 60 GB of disk under $TMPDIR (demo export
#                  ≈ 7 GB of CSV + 12 GB SQLite, twice), more RAM than this 24 GiB machine has for training 12 cutoffs (2.5 GiB at 100,000, scaling with rows) and for the pandas peer (about 3.5 GiB at 100,000), and hours on 2 cores.
#     --out        where latest.json and latest.md go (default bench/results)
#     --keep       keep the work directory (data, CSV files, logs) instead of removing it
#   KIZUKI_BENCH_TMP=DIR  work directory parent (default $TMPDIR or /tmp)
#   PYTHON=path           the Python with the peer's packages (default /usr/bin/python3, Debian's)
#
# Kizuki is built once (./kizuki) before any timing and the built files are copied into the work directory, so that a
# rebuild by someone else during the run cannot change the program under test. Figures are of one run on a possibly
# shared machine: compare CPU seconds (user + system) where the wall clock is disturbed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="10000,100000"
out="$root/bench/results"
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) sizes="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n 2,18p "$0"; exit 0 ;;
    *) echo "run.sh: 不明な引数 / unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time がありません / /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
# Debian's packages live in the system Python; a pyenv or venv python3 first on PATH would not see them.
python="${PYTHON:-/usr/bin/python3}"
[ -x "$python" ] || python=python3
"$python" -c "import pandas, numpy, sklearn, xgboost" 2>/dev/null || {
  echo "run.sh: Python パッケージがありません / the peer needs python3-pandas, python3-sklearn and python3-xgboost" >&2; exit 1; }
shared="$(cd "$root/.." && pwd)/shared/data"
work=$(mktemp -d "${KIZUKI_BENCH_TMP:-${TMPDIR:-/tmp}}/kizuki-run-XXXXXX")
if [ "$keep" = 0 ]; then trap 'rm -rf "$work"' EXIT; else echo "work directory: $work"; fi
mkdir -p "$out" "$work/times" "$work/json"
# OpenMP (LightGBM, xgboost, scikit-learn) spins while it waits at a barrier; on a machine shared with other work a spinning
# thread waits for one that is not running and a fit takes 10-20 times longer. Passive waiting, for every program alike.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
cd "$root"

echo "== build (untimed)"
./kizuki --help >/dev/null
cp -r "$root/.build/cli" "$work/cli"
dotnet build bench/Kizuki.Bench/Kizuki.Bench.csproj -c Release -o "$work/bench" --artifacts-path "$root/.build/bench-artifacts" \
  -nologo -v quiet >"$work/bench-build.log" 2>&1 || { cat "$work/bench-build.log" >&2; exit 1; }
# Executables (not shell functions) so that /usr/bin/time measures the .NET process itself (exec replaces the shell).
printf '#!/bin/sh\nexec dotnet "%s/cli/kizuki.dll" "$@"\n' "$work" >"$work/kizuki"
printf '#!/bin/sh\nexec dotnet "%s/bench/Kizuki.Bench.dll" "$@"\n' "$work" >"$work/bench-run"
chmod +x "$work/kizuki" "$work/bench-run"
kizuki="$work/kizuki" bench="$work/bench-run"
timed() {  # timed NAME COMMAND...: /usr/bin/time -v into times/NAME.txt, stdout into json/NAME.out
  local name="$1"; shift
  echo "   $name"
  /usr/bin/time -v -o "$work/times/$name.txt" "$@" >"$work/json/$name.out" 2>"$work/json/$name.err" || {
    echo "run.sh: $name failed / 失敗しました:" >&2; tail -20 "$work/json/$name.err" >&2; exit 1; }
}

IFS=',' read -r -a list <<<"$sizes"
for n in "${list[@]}"; do
  echo "== $n customers"
  demo="$work/demo-$n" raw="$work/raw-$n" data="$work/data-$n"
  echo "   demo + export (untimed)"
  "$kizuki" demo --customers "$n" --no-train --data-dir "$demo" --export "$raw" --lang en >"$work/json/demo-$n.out"
  rm -f "$demo"/kizuki.db*   # only its ground truth is used (oracle AUC)
  timed "import-$n" bash -c 'set -e; for e in customers subscriptions orders order-lines activities tickets surveys touches churn-events; do
      if [ -f "$1/$e.csv" ]; then "$3" import "$e" "$1/$e.csv" --data-dir "$2" --json >/dev/null; fi; done' _ "$raw" "$data" "$kizuki"
  timed "features-$n" "$kizuki" features --out "$work/features-$n.csv" --data-dir "$data" --json --lang en
  timed "train-$n" "$kizuki" train --data-dir "$data" --json --lang en
  timed "score-$n" "$kizuki" score --data-dir "$data" --json --lang en
  customer=$(sed -n 2p "$raw/customers.csv" | cut -d, -f1 | tr -d '\357\273\277')
  timed "explain-$n" "$kizuki" explain "$customer" --data-dir "$data" --lang en
  echo "   training set for the peer (untimed)"
  "$bench" trainset --data-dir "$data" --out "$work/trainset-$n.csv" --truth "$demo/ground-truth" >"$work/json/trainset-$n.json"
  timed "ours-sameset-$n" "$bench" fitcsv --csv "$work/trainset-$n.csv"
  timed "peer-sameset-$n" "$python" "$root/bench/peer/same_set.py" --csv "$work/trainset-$n.csv" --meta "$work/json/trainset-$n.json"
  timed "peer-e2e-$n" "$python" "$root/bench/peer/end_to_end.py" --raw "$raw"
  du -sb "$raw" "$data" | awk '{print $1}' | paste -sd' ' >"$work/json/sizes-$n.txt"
  if [ "$keep" = 0 ]; then rm -rf "$raw" "$data" "$work/features-$n.csv" "$work/trainset-$n.csv"; fi
done

echo "== accuracy"
timed telco "$kizuki" tabular evaluate --file "$shared/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv" --id customerID --target Churn --json --lang en
timed cdnow "$bench" cdnow --shared "$shared"
if grep -q '"retail"' bench/Kizuki.Bench/Program.cs && /usr/bin/time -v -o "$work/times/retail.txt" \
     "$bench" retail --shared "$shared" --json >"$work/json/retail.out" 2>"$work/json/retail.err"; then
  echo "   retail"
else
  echo "   retail: not available / 利用できません"; rm -f "$work/json/retail.out"
fi

"$python" "$root/bench/peer/report.py" --work "$work" --sizes "$sizes" --out "$out"
echo "written: $out/latest.json, $out/latest.md"
