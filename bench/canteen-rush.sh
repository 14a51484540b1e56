#!/usr/bin/env bash
# A lunch rush through the real serving-line window: 1,000 diners (N) each tap a meal card on the simulated card
# reader, one after another, each as soon as the screen shows the previous diner's result; the window times each diner
# from the tap to the result on screen (identification, decision, the MEAL entry fsynced and committed, the counts read
# again, the FX thread) and reports the diners per minute the terminal sustains (CanteenRush, -Dtongpos.rush=FILE).
# Local diners on a fresh data directory (demo-data --canteen, one all-day period at ¥10, overdraft ¥100 since they
# have no money yet), under a virtual X server. Build first: mvn -q -B -DskipTests package -pl app -am
#
#   bench/canteen-rush.sh [N] [RUNS]               N diners (default 1000), RUNS rushes (default 1), java -jar as the README
#   JAVA_OPTS="-Xmx512m" bench/canteen-rush.sh     with JVM options (the README's run command uses -Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-app/target/tongpos.jar}
DINERS=${1:-1000}
RUNS=${2:-1}
read -r -a JVM_OPTS <<<"${JAVA_OPTS:-}"
[ -f "$JAR" ] || { echo "missing $JAR: run 'mvn -q -B -DskipTests package -pl app -am' first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is needed (Debian package xvfb)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

{
  echo "diner_id,name,diner_type,department,card_uid"
  for i in $(seq "$DINERS"); do printf 'R%05d,食客%d,STAFF,后勤处,0E%06X\n' "$i" "$i" "$i"; done
} >"$WORK/diners.csv"
for i in $(seq "$DINERS"); do printf 'card:0E%06X\n' "$i"; done >"$WORK/rush.txt"
echo "uptime before: $(uptime)"

for run in $(seq "$RUNS"); do
  DATA="$WORK/terminal$run"
  cli() { java -jar "$JAR" --data-dir "$DATA" "$@" >/dev/null; }
  cli demo-data --canteen
  for period in 早餐 午餐 晚餐; do cli canteen period remove "$period"; done
  cli canteen period set 全天 00:00-24:00
  cli canteen price set 全天 STAFF 10
  cli canteen limit set overdraft 100
  cli diner import "$WORK/diners.csv"
  xvfb-run -a -s "-screen 0 1366x768x24" java "${JVM_OPTS[@]}" -Dtongpos.rush="$WORK/rush.txt" \
      -jar "$JAR" --data-dir "$DATA" 2>&1 | grep -o 'canteen rush: .* diners (.*' || echo "run $run: no rush report"
  java -jar "$JAR" --data-dir "$DATA" journal verify 2>&1 | tail -1
done
echo "uptime after: $(uptime)"
