#!/usr/bin/env bash
# Times the command-line rows of issue 12 as whole processes (JVM start to exit), RUNS times each (default 5), and
# prints a Markdown table: median wall time, median CPU time (user + system: what the process itself spent, which
# other programs on the machine move much less than the wall time) and the peak resident memory (RSS), all from
# /usr/bin/time. Makes its own data directories from generated catalog CSVs (bench/make-catalog.sh):
#   ROWS=import bench/cli-times.sh            only the rows whose label contains "import" (a grep -E pattern)
#   bench/cli-times.sh [RUNS]                 plain `java -jar app/target/tongpos.jar`, as the README runs it
#   JAVA_OPTS="-Xmx512m" bench/cli-times.sh   with JVM options (the recommended heap, an AppCDS archive, ...)
#   JAR=/tmp/before/tongpos.jar bench/cli-times.sh   another build (its lib/ beside it), e.g. before a change
#   LAUNCHER=installer/target/image/tongpos/bin/tongpos bench/cli-times.sh   the packaged launcher (jlinked runtime,
#                                             its own options and AppCDS archive; JAVA_OPTS is ignored then)
# Build first: mvn -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-app/target/tongpos.jar}
RUNS=${1:-5}
read -r -a OPTS <<<"${JAVA_OPTS:-}"
LAUNCHER=${LAUNCHER:-}
if [ -n "$LAUNCHER" ]; then
  [ -x "$LAUNCHER" ] || { echo "missing launcher $LAUNCHER" >&2; exit 1; }
else
  [ -f "$JAR" ] || { echo "missing $JAR: run 'mvn -DskipTests package' first" >&2; exit 1; }
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (Debian package time)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -n "$LAUNCHER" ]; then CMD=("$LAUNCHER"); RUNNER="launcher $LAUNCHER"; else
  CMD=(java "${OPTS[@]}" -jar "$JAR"); RUNNER="JVM options: ${JAVA_OPTS:-none}"; fi
tongpos() { "${CMD[@]}" "$@"; }

bench/make-catalog.sh 2000 "$WORK/2k.csv"
bench/make-catalog.sh 100000 "$WORK/100k.csv"
# the same catalog with every price one yuan higher: a price list that changes all 100,000 products
awk -F, 'BEGIN {OFS = ","} NR > 1 {split($5, p, "."); $5 = sprintf("%d.%02d", p[1] + 1, p[2])} {print}' \
    "$WORK/100k.csv" >"$WORK/100k-prices.csv"
tongpos --data-dir "$WORK/d2k" catalog import "$WORK/2k.csv" >/dev/null
tongpos --data-dir "$WORK/d100k" catalog import "$WORK/100k.csv" >/dev/null
cp -r "$WORK/d100k" "$WORK/catalog100k"   # 100,000 products and no sales: each price-list run starts from it
for _ in 1 2 3; do   # a small journal: three sales
  tongpos --data-dir "$WORK/d100k" sale 6919055412406 --pay CASH:10 >/dev/null
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

# row LABEL [--fresh DIR | --copy FROM DIR] ARGS...: runs tongpos ARGS RUNS times (removing DIR, or making it a copy
# of FROM, before each run and outside its time, when given)
row() {
  local label=$1; shift
  if [ -n "${ROWS:-}" ] && ! grep -qE -- "$ROWS" <<<"$label"; then return; fi
  local fresh="" from=""
  if [ "$1" = --fresh ]; then fresh=$2; shift 2; fi
  if [ "$1" = --copy ]; then from=$2; fresh=$3; shift 3; fi
  : >"$WORK/runs"
  for _ in $(seq "$RUNS"); do
    [ -z "$fresh" ] || rm -rf "$fresh"
    [ -z "$from" ] || cp -r "$from" "$fresh"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "${CMD[@]}" "$@" >/dev/null 2>"$WORK/err"; then
      echo "'$label' failed:" >&2; cat "$WORK/err" "$WORK/time" >&2; exit 1
    fi
    tail -1 "$WORK/time" >>"$WORK/runs"
  done
  local wall cpu rss each
  wall=$(awk '{print int($1 * 1000)}' "$WORK/runs" | median)
  cpu=$(awk '{print int(($2 + $3) * 1000)}' "$WORK/runs" | median)
  rss=$(awk '{if ($4 > m) m = $4} END {print int(m / 1024)}' "$WORK/runs")
  each=$(awk '{printf "%s%d", (NR > 1 ? " " : ""), $1 * 1000}' "$WORK/runs")
  printf '| %s | **%s ms** | %s ms | %s MB | %s |\n' "$label" "$wall" "$cpu" "$rss" "$each"
}

echo "| command ($RUNNER) | wall, median of $RUNS | CPU, median | peak RSS | each run, wall ms |"
echo "| --- | --- | --- | --- | --- |"
row '`--version`' --version
row '`catalog find 6919055412406`, 2,000 products' --data-dir "$WORK/d2k" catalog find 6919055412406
row '`catalog find 6919055412406`, 100,000 products' --data-dir "$WORK/d100k" catalog find 6919055412406
row '`journal verify`, 3 entries, 100,000 products' --data-dir "$WORK/d100k" journal verify
row '`catalog import` 100,000 rows, new data directory' --fresh "$WORK/imp" --data-dir "$WORK/imp" catalog import "$WORK/100k.csv"
row '`catalog import` 100,000 rows, re-import (unchanged file)' --data-dir "$WORK/d100k" catalog import "$WORK/100k.csv"
row '`catalog import` 100,000 rows, all prices changed' --copy "$WORK/catalog100k" "$WORK/prices" \
    --data-dir "$WORK/prices" catalog import "$WORK/100k-prices.csv"
echo
echo "($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(java -version 2>&1 | head -1))"
