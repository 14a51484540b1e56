#!/usr/bin/env bash
# Cold start of the cashier window, from JVM start to "ready to scan" (the screen shown with the code field focused),
# under a virtual X server, on a data directory holding a catalog of N products imported from a generated catalog
# CSV (bench/make-catalog.sh, not the demo generator). Each run also scans 6919055412406 as soon as the window is
# ready (what it found, and whether from the database or from memory) and waits until the catalog is in memory.
# Prints each run and the medians. Build first: mvn -DskipTests package
#
#   bench/startup.sh [N] [RUNS]               N products (default 2000), RUNS runs (default 5), `java -jar` as the README
#   JAVA_OPTS="-Xmx512m" bench/startup.sh N   with JVM options
#   CDS=1 bench/startup.sh N                  with an AppCDS archive of the classes a start loads (made by one run
#                                             first): what a packaged launcher can add
#   LAUNCHER=/opt/tongpos/bin/tongpos bench/startup.sh N   the installed launcher (or installer/target/image/tongpos/
#                                             bin/tongpos) with its own runtime, options and AppCDS archive
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-app/target/tongpos.jar}
PRODUCTS=${1:-2000}
RUNS=${2:-5}
read -r -a JVM_OPTS <<<"${JAVA_OPTS:-}"
LAUNCHER=${LAUNCHER:-}
if [ -z "$LAUNCHER" ]; then
  [ -f "$JAR" ] || { echo "missing $JAR: run 'mvn -DskipTests package' first" >&2; exit 1; }
else
  [ -x "$LAUNCHER" ] || { echo "missing launcher $LAUNCHER" >&2; exit 1; }
fi
command -v xvfb-run >/dev/null || { echo "xvfb-run is needed (Debian package xvfb)" >&2; exit 1; }

DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
bench/make-catalog.sh "$PRODUCTS" "$DATA/catalog.csv"
cli() {
  if [ -n "$LAUNCHER" ]; then "$LAUNCHER" --data-dir "$DATA/terminal" "$@"; else java -jar "$JAR" --data-dir "$DATA/terminal" "$@"; fi
}
cli catalog import "$DATA/catalog.csv" >/dev/null
# the demo operators and the automatic log-in of cashier 001, as on the README's first start (one demo product more)
cli demo-data --products 1 >/dev/null 2>&1

window() {
  if [ -n "$LAUNCHER" ]; then
    JAVA_TOOL_OPTIONS="${JVM_OPTS[*]} $* -Dtongpos.exitWhenReady=true -Dtongpos.firstScan=6919055412406" \
        xvfb-run -a -s "-screen 0 1366x768x24" "$LAUNCHER" --data-dir "$DATA/terminal" 2>&1 || true
    return
  fi
  xvfb-run -a -s "-screen 0 1366x768x24" java "${JVM_OPTS[@]}" "$@" -Dtongpos.exitWhenReady=true \
      -Dtongpos.firstScan=6919055412406 -jar "$JAR" --data-dir "$DATA/terminal" 2>&1 || true
}

if [ "${CDS:-0}" = 1 ]; then
  window -XX:ArchiveClassesAtExit="$DATA/tongpos.jsa" >/dev/null
  JVM_OPTS+=(-XX:SharedArchiveFile="$DATA/tongpos.jsa" -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
  CDS_NOTE=", AppCDS"
fi

ready=(); scanned=(); indexed=()
for i in $(seq "$RUNS"); do
  log=$(window)
  r=$(grep -o 'ready to scan after [0-9]* ms' <<<"$log" | grep -o '[0-9]\+' || true)
  s=$(grep -o 'first scan of .*' <<<"$log" || true)
  x=$(grep -o 'catalog index ready after [0-9]* ms' <<<"$log" | grep -o '[0-9]\+' || true)
  if [ -z "$r" ] || [ -z "$s" ]; then
    echo "run $i: the window never reported ready:" >&2
    echo "$log" >&2
    exit 1
  fi
  echo "run $i: ready to scan after $r ms; $s; catalog in memory after ${x:-?} ms"
  ready+=("$r"); indexed+=("${x:-0}")
  scanned+=("$(grep -o 'after [0-9]* ms took' <<<"$s" | grep -o '[0-9]\+')")
done

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
echo "$PRODUCTS products, $RUNS runs${LAUNCHER:+, $LAUNCHER}${CDS_NOTE:-}${JAVA_OPTS:+, $JAVA_OPTS}: median ready to scan $(median "${ready[@]}") ms," \
     "first scan answered $(median "${scanned[@]}") ms, catalog in memory $(median "${indexed[@]}") ms" \
     "($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
