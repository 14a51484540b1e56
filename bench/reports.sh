#!/usr/bin/env bash
# Times the owner's reports as whole processes on a generated history (issue 10): writes DAYS days of demo history
# (sales, refunds, canteen meals; `demo-data --history`), then runs each report command RUNS times (default 3) and
# prints a Markdown table of the median wall time and CPU time (user + system: what the process itself spent; on a
# loaded machine the wall time mostly measures the others) with JVM start and the database's open and close included,
# and the peak RSS.
#   bench/reports.sh DAYS [RUNS]       e.g. bench/reports.sh 30, or bench/reports.sh 365 for a year
# Build first: mvn -B -q -DskipTests package -pl app -am
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-app/target/tongpos.jar}
DAYS=${1:?days of history}
RUNS=${2:-3}
[ -f "$JAR" ] || { echo "missing $JAR: build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (Debian package time)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
tongpos() { java -Xmx512m -jar "$JAR" --data-dir "$WORK/data" "$@"; }

start=$(date +%s.%N)
tongpos demo-data --products 2000 --history "$DAYS" | tail -1
echo "history of $DAYS days written in $(echo "$(date +%s.%N) - $start" | bc) s (wall, JVM start included)"
TO=$(date -d yesterday +%F)
FROM=$(date -d "$DAYS days ago" +%F)
MONTH=$(date -d "30 days ago" +%F)

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
row() {
  local label=$1; shift
  : >"$WORK/runs"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" java -Xmx512m -jar "$JAR" --data-dir "$WORK/data" "$@" >/dev/null
    cat "$WORK/time" >>"$WORK/runs"
  done
  printf '| %s | %s s | %s s | %s MiB |\n' "$label" "$(cut -d' ' -f1 "$WORK/runs" | median)" \
    "$(awk '{print $3 + $4}' "$WORK/runs" | median)" "$(( $(cut -d' ' -f2 "$WORK/runs" | sort -n | tail -1) / 1024 ))"
}

echo
echo "| command ($DAYS days of history) | median wall time | median CPU time | peak RSS |"
echo "| --- | --- | --- | --- |"
row "journal verify (baseline: JVM start and a full read)" journal verify
row "report sales, last 30 days, by day" report sales --from "$MONTH" --to "$TO"
row "report sales, last 30 days, by product" report sales --from "$MONTH" --to "$TO" --by product
row "report sales, whole history, by day, to PDF" report sales --from "$FROM" --to "$TO" --pdf "$WORK/s.pdf"
row "report sales, whole history, by hour, to CSV" report sales --from "$FROM" --to "$TO" --by hour --csv "$WORK/s.csv"
row "report canteen, whole history, by department" report canteen --from "$FROM" --to "$TO" --by department
row "forecast, 7 days" forecast --days 7
