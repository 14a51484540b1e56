#!/usr/bin/env bash
# Where a whole TongPOS process spends its time, from a JDK Flight Recorder recording: every execution sample
# (JFR's "profile" settings: one every 10 ms per running Java thread) is put in the first step of this list that
# its stack passes through, and the steps are printed with their share of the samples. Also prints the classes the
# process loaded (-Xlog:class+load) and its wall and CPU time (/usr/bin/time).
#
#   bench/jfr-breakdown.sh [java options --] tongpos arguments...
#   bench/jfr-breakdown.sh --data-dir /tmp/d catalog find 6919055412406
#   JAR=/tmp/old/tongpos.jar bench/jfr-breakdown.sh --version         (another build, e.g. before a change)
#   XVFB=1 bench/jfr-breakdown.sh -Dtongpos.exitWhenReady=true -- --data-dir /tmp/d     (the window)
#   PERIOD="1 ms" bench/jfr-breakdown.sh ...   samples every PERIOD instead of the profile settings' 10 ms (short runs)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-app/target/tongpos.jar}
OPTS=()
if printf '%s\n' "$@" | grep -qx -- '--'; then
  while [ "$1" != "--" ]; do OPTS+=("$1"); shift; done
  shift
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SETTINGS=profile
if [ -n "${PERIOD:-}" ]; then
  SETTINGS="$WORK/profile.jfc"
  sed "s|<setting name=\"period\" control=\"method-sampling-java-interval\">[^<]*<|<setting name=\"period\" control=\"method-sampling-java-interval\">$PERIOD<|" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >"$SETTINGS"
fi
RUN=()
[ "${XVFB:-0}" = 1 ] && RUN=(xvfb-run -a -s "-screen 0 1366x768x24")

"${RUN[@]}" /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" java "${OPTS[@]}" \
    -XX:StartFlightRecording=filename="$WORK/run.jfr",settings="$SETTINGS" \
    -Xlog:class+load=info:file="$WORK/classes.log" -Xlog:jfr+startup=off -jar "$JAR" "$@" >/dev/null 2>"$WORK/err" || true
read -r wall user sys rss <"$WORK/time"
classes=$(grep -c 'source:' "$WORK/classes.log" || true)
jdkcds=$(grep -c 'source: shared objects file' "$WORK/classes.log" || true)
echo "tongpos $*: wall ${wall}s, CPU $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')s, peak RSS $((rss / 1024)) MB," \
     "$classes classes loaded ($jdkcds from the JDK's CDS archive; JFR itself adds some)"

jfr print --events jdk.ExecutionSample --stack-depth 256 "$WORK/run.jfr" | awk '
  function step(s) {
    if (s ~ /ch\.qos\.logback|org\.slf4j\.LoggerFactory/) return "logging setup (Logback)";
    if (s ~ /org\.flywaydb/) return "Flyway (migrate and validate)";
    if (s ~ /com\.fasterxml\.jackson/) return "Jackson";
    if (s ~ /net\.sourceforge\.pinyin4j|PinyinInitials/) return "pinyin of names (pinyin4j)";
    if (s ~ /org\.apache\.commons\.csv|CatalogCsvReader\.readRow/) return "CSV parse and row checks";
    if (s ~ /ProductStore\$Upsert|ProductStore\.upsert/) return "catalog rows into H2";
    if (s ~ /ProductStore\.loadAll|ProductIndex\.<init>|CatalogService\.buildIndex/) return "catalog into memory (index)";
    if (s ~ /ProductStore\.(search|findBy)|ProductIndex\.search/) return "catalog lookup or search";
    if (s ~ /JournalVerifier|EntryHashes/) return "journal hash chain";
    if (s ~ /org\.h2\.engine\.(Engine|Database)\.|MVStore\.<init>|openStore/) return "H2: open the database";
    if (s ~ /SchemaCheck/) return "schema check (is Flyway needed?)";
    if (s ~ /storage\.Database\.open/) return "H2: open the database";
    if (s ~ /org\.h2\./) return "H2: queries, commits, close";
    if (s ~ /javafx|com\.sun\.(javafx|prism|glass)/) return "JavaFX (toolkit, scene, CSS, fonts)";
    if (s ~ /picocli\./) return "picocli (command model)";
    return "other (main, JDK, class loading outside these)";
  }
  /^jdk\.ExecutionSample/ { stack = ""; next }
  /^  stackTrace = \[/ { inStack = 1; next }
  inStack && /^  \]/ { inStack = 0; n[step(stack)]++; total++; next }
  inStack { stack = stack " " $1 }
  END {
    for (k in n) printf "%6.1f %%  %4d  %s\n", 100 * n[k] / total, n[k], k | "sort -rn";
    close("sort -rn");
    printf "        %4d  samples\n", total
  }'
