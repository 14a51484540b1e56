#!/usr/bin/env bash
# Cold start of the cashier window, from JVM start to "ready to scan" (the screen shown with the code field
# focused), under a virtual X server. Runs the GUI RUNS times (default 5) on a data directory holding the demo
# store (2,000 products) and prints each time and the median. Build first: mvn -DskipTests package
#
#   bench/startup.sh [RUNS]          plain `java -jar`, as the README starts it
#   CDS=1 bench/startup.sh [RUNS]    with an AppCDS archive of the classes a start loads (made by one run first):
#                                    what a packaged launcher (jpackage --java-options) can add
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=app/target/tongpos.jar
RUNS=${1:-5}
[ -f "$JAR" ] || { echo "missing $JAR: run 'mvn -DskipTests package' first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is needed (Debian package xvfb)" >&2; exit 1; }

DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
java -jar "$JAR" --data-dir "$DATA" demo-data --products 2000 >/dev/null

JVM_OPTS=()
if [ "${CDS:-0}" = 1 ]; then
  xvfb-run -a -s "-screen 0 1366x768x24" java -XX:ArchiveClassesAtExit="$DATA/tongpos.jsa" \
      -Dtongpos.exitWhenReady=true -jar "$JAR" --data-dir "$DATA" >/dev/null 2>&1
  JVM_OPTS=(-XX:SharedArchiveFile="$DATA/tongpos.jsa")
  CDS_NOTE=" with AppCDS"
fi

times=()
for i in $(seq "$RUNS"); do
  log=$(xvfb-run -a -s "-screen 0 1366x768x24" \
        java "${JVM_OPTS[@]}" -Dtongpos.exitWhenReady=true -jar "$JAR" --data-dir "$DATA" 2>&1 || true)
  ms=$(grep -o 'ready to scan after [0-9]* ms' <<<"$log" | grep -o '[0-9]\+' || true)
  if [ -z "$ms" ]; then
    echo "run $i: the window never reported ready:" >&2
    echo "$log" >&2
    exit 1
  fi
  echo "run $i: $ms ms"
  times+=("$ms")
done

median=$(printf '%s\n' "${times[@]}" | sort -n |
         awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}')
echo "median ready-to-scan: $median ms over $RUNS runs${CDS_NOTE:-} ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
