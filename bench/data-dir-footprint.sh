#!/usr/bin/env bash
# Where the bytes of a data directory go after N sales (issue 11), and what a backup of it costs:
#   bench/data-dir-footprint.sh [DAYS] [DIR]     DAYS of demo history (default 122: about 100,000 sales,
#                                                 1,000,000 lines), in DIR (default a temporary folder, removed after)
# Prints the files' sizes, H2's DISK_SPACE_USED of the largest tables, then times `backup create`, `backup verify`
# and `backup restore` (into a new directory) with their sizes. Build first: mvn -DskipTests package -pl app -am
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-app/target/tongpos.jar}
DAYS=${1:-122}
[ -f "$JAR" ] || { echo "missing $JAR: run 'mvn -DskipTests package -pl app -am' first" >&2; exit 1; }
if [ -n "${2:-}" ]; then WORK=$2; mkdir -p "$WORK"; else WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; fi
tongpos() { java -Xmx512m -jar "$JAR" "$@"; }
seconds() { local start=$SECONDS; "$@" >/dev/null; echo $((SECONDS - start)); }

DATA=$WORK/data
if [ ! -f "$DATA/tongpos.mv.db" ]; then
  echo "writing $DAYS days of demo history into $DATA ..."
  tongpos --data-dir "$DATA" demo-data --history "$DAYS" --seed 7 | tail -1
fi
echo "## files"
du -sb "$DATA"/* "$DATA"/logs | sort -n
echo "## tables (H2 DISK_SPACE_USED, bytes; row estimate)"
java -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/tongpos" -user sa -sql "SELECT TABLE_NAME, \
  DISK_SPACE_USED('PUBLIC.\"' || TABLE_NAME || '\"') AS BYTES, ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES \
  WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY BYTES DESC LIMIT 6"
echo "## backup"
echo "create: $(seconds tongpos --data-dir "$DATA" backup create "$WORK/backup.zip") s, $(stat -c %s "$WORK/backup.zip") bytes"
echo "verify: $(seconds tongpos backup verify "$WORK/backup.zip") s"
rm -rf "$WORK/restored"
echo "restore into a new directory (journal verify included): $(seconds tongpos --data-dir "$WORK/restored" backup restore "$WORK/backup.zip") s"
du -sb "$WORK/restored/tongpos.mv.db"
