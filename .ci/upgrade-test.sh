#!/usr/bin/env bash
# Issue 11: an upgrade keeps every sale. Installs version N (the .deb the root build made), creates data with the
# installed launcher (sales, one uploaded to the sandbox bank and two not yet, a setting), builds version N+1 with a
# new migration, installs it over N, and checks: the database was copied before migrating, `journal verify` passes,
# every entry is still there, the setting survived, and the unsent entries reach the bank once. Needs root, apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "UPGRADE TEST FAILED: $*" >&2; exit 1; }
deb_n=$(ls installer/target/tongpos_*_amd64.deb 2>/dev/null | head -1 || true)
if [ -z "$deb_n" ]; then
  echo "UPGRADE TEST SKIPPED: no installer/target/tongpos_*_amd64.deb (see the installer build's SKIPPED line)" >&2
  exit 0
fi
work=$(mktemp -d)
sandbox_pid=
cleanup() {
  [ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tongpos >/dev/null 2>&1 || true
}
trap cleanup EXIT
cp "$deb_n" "$work/"
deb_n="$work/$(basename "$deb_n")"

echo "== version N: $(basename "$deb_n")"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb_n" >/dev/null
data="$work/data"
key=$(head -c 32 /dev/urandom | base64)
port=$(( 20000 + RANDOM % 20000 ))
tongpos sandbox --port "$port" --data "$work/bank" --terminal "T0001=$key" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
up() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }
for _ in $(seq 1 150); do up && break; sleep 0.2; done
up || { cat "$work/sandbox.log"; fail "the sandbox bank did not start"; }

t() { tongpos --data-dir "$data" "$@"; }
t demo-data >/dev/null
t config set ui.locale en >/dev/null   # the checks below read the English messages
t config set bank.url "http://127.0.0.1:$port/v1" >/dev/null
t config set bank.key "$key" >/dev/null
t config set key.bank F10 >/dev/null
t sale 6920000000012x3 --pay CASH:10 >/dev/null
t sync now >/dev/null || fail "version N could not upload its first sale"
t sale 6920000000029 --pay CASH:5 >/dev/null
t sale 6920000000036x2 --pay CASH:4 >/dev/null
entries_n=$(t journal export | wc -l)
pending_n=$(t sync status | sed -n 's/.*; \([0-9]*\) entries pending.*/\1/p')
[ -n "$pending_n" ] && [ "$pending_n" -gt 0 ] || fail "expected unsent entries before the upgrade: $(t sync status)"
echo "version N: $entries_n journal entries, $pending_n not yet sent to the bank"

echo "== building version N+1 with a new migration (in a copy of the source tree, so this one stays as it was)"
next="$work/next"
mkdir -p "$next"
tar --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -xf - -C "$next"
cp .ci/upgrade/V999__upgrade_probe.sql "$next/app/src/main/resources/db/migration/"
(cd "$next" && mvn -B -q -DskipTests package -Dinstaller.version=0.1.1) >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; fail "N+1 did not build"; }
deb_n1=$(ls "$next"/installer/target/tongpos_0.1.1*_amd64.deb 2>/dev/null | head -1 || true)
[ -n "$deb_n1" ] || fail "no N+1 package (installer/target/tongpos_0.1.1*_amd64.deb)"

echo "== installing $(basename "$deb_n1") over N"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb_n1" >/dev/null
[ "$(dpkg-query -W -f='${Version}' tongpos)" = "0.1.1-1" ] || fail "the installed version is not N+1"

t journal verify || fail "journal verify after the upgrade"
ls "$data"/backups/pre-upgrade-*.zip >/dev/null 2>&1 || fail "no copy of the database was taken before migrating"
entries_n1=$(t journal export | wc -l)
[ "$entries_n1" = "$entries_n" ] || fail "entries before $entries_n, after $entries_n1"
[ "$(t config get key.bank)" = "F10" ] || fail "the setting key.bank did not survive: $(t config get key.bank)"
t sync now || fail "N+1 could not send the entries N left unsent"
t sync status | grep -q " 0 entries pending" || fail "entries still pending after the upgrade's sync: $(t sync status)"
held=$(t sync status | sed -n 's/.*bank holds through seq \([0-9]*\).*/\1/p')
last=$(t sync status | sed -n 's/.*Journal up to seq \([0-9]*\).*/\1/p')
[ -n "$held" ] && [ "$held" = "$last" ] || fail "the bank holds through seq $held, the journal is at $last"
t sync now >/dev/null || fail "a second sync after the upgrade failed"
t sale 6920000000012 --pay CASH:5 >/dev/null || fail "N+1 cannot sell on the upgraded data"
t journal verify >/dev/null || fail "journal verify after selling on N+1"
echo "upgrade test passed: N -> N+1 ($(basename "$deb_n") -> $(basename "$deb_n1")), copy $(ls "$data"/backups/ | head -1), $entries_n entries kept, setting kept, $pending_n unsent entries sent once (bank holds through seq $held)"
