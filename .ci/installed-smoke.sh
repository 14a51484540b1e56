#!/usr/bin/env bash
# Issue 11: the .deb as a shop meets it. Installs the package the root build made, starts the installed window once
# (ready to scan, then exit), sells and verifies the journal with the installed launcher on a scratch data
# directory, removes the package and checks that the data stayed. Needs root and apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(ls installer/target/tongpos_*_amd64.deb 2>/dev/null | head -1 || true)
if [ -z "$deb" ]; then
  echo "INSTALLED-PACKAGE CHECK SKIPPED: no installer/target/tongpos_*_amd64.deb (see the installer build's SKIPPED line)" >&2
  exit 0
fi
echo "== installing $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tongpos >/dev/null 2>&1 || true' EXIT
command -v tongpos >/dev/null || { echo "FAIL: the package put no tongpos on the PATH" >&2; exit 1; }
du -sh /opt/tongpos | sed 's/^/installed size: /'

data=$(mktemp -d)
tongpos --version
tongpos --data-dir "$data" demo-data >/dev/null
out=$(tongpos --data-dir "$data" sale 6920000000012 6920000000036 --pay CASH:10)
echo "$out" | grep -q '^seq ' || { echo "FAIL: the installed tongpos printed no seq for a sale:"; echo "$out"; exit 1; } >&2
verify=$(tongpos --data-dir "$data" journal verify 2>&1) || { echo "FAIL: journal verify: $verify" >&2; exit 1; }
echo "$verify"
if echo "$verify" | grep -q "SLF4J"; then
  echo "FAIL: the installed program has no logging backend: $verify" >&2; exit 1
fi

if command -v xvfb-run >/dev/null; then
  start=$(date +%s.%N)
  JAVA_TOOL_OPTIONS=-Dtongpos.exitWhenReady=true timeout 120 xvfb-run -a -s "-screen 0 1366x768x24" \
      tongpos --data-dir "$data" >/tmp/tongpos-window.log 2>&1 \
      || { echo "FAIL: the installed window did not start and get ready:" >&2; tail -20 /tmp/tongpos-window.log >&2; exit 1; }
  echo "installed window: started, ready to scan and closed in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s (xvfb-run included)"
fi

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tongpos >/dev/null
trap - EXIT
[ ! -e /usr/bin/tongpos ] || { echo "FAIL: /usr/bin/tongpos left behind after remove" >&2; exit 1; }
[ -f "$data/tongpos.mv.db" ] || { echo "FAIL: removing the package touched the data directory" >&2; exit 1; }
echo "installed-package check passed: install, sale, journal verify, window, remove (data kept in $data)"
