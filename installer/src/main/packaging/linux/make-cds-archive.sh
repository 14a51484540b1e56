#!/bin/sh
# AppCDS at package time: runs the app image once to list the classes a start loads, then dumps a static archive of
# them into lib/app/tongpos.jsa, which the launcher's -XX:SharedArchiveFile=$APPDIR/tongpos.jsa maps on each start.
# The window is started under a virtual X server when xvfb-run is there (the classes of a till start); else a CLI
# command gives a smaller list. Never fails the build: without the archive the launcher starts without it.
IMAGE=$1
APP=$IMAGE/lib/app
JAVA=$IMAGE/lib/runtime/bin/java
CFG=$APP/tongpos.cfg
[ -x "$JAVA" ] && [ -f "$CFG" ] || { echo "AppCDS SKIPPED: no app image in $IMAGE"; exit 0; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# the launcher's class path, exactly as it will be at run time relative to $APPDIR
CP=$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s#\\\$APPDIR#$APP#g" | paste -sd: -)
OPTS="-Xmx512m -Dfile.encoding=UTF-8 --add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED"
rm -f "$APP/tongpos.jsa"
if command -v xvfb-run >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  timeout 120 xvfb-run -a -s "-screen 0 1366x768x24" "$JAVA" $OPTS -Xshare:off -XX:DumpLoadedClassList="$WORK/classes.lst" \
      -Dtongpos.exitWhenReady=true -cp "$CP" org.tongpos.app.Main --data-dir "$WORK/data" >"$WORK/run.log" 2>&1
  how="the window's start (xvfb-run)"
else
  # shellcheck disable=SC2086
  "$JAVA" $OPTS -Xshare:off -XX:DumpLoadedClassList="$WORK/classes.lst" -cp "$CP" org.tongpos.app.Main \
      --data-dir "$WORK/data" journal verify >"$WORK/run.log" 2>&1
  how="a CLI command (no xvfb-run: apt-get install xvfb for the window's classes)"
fi
if [ ! -s "$WORK/classes.lst" ]; then
  echo "AppCDS SKIPPED: the class list run failed:"; cat "$WORK/run.log"; exit 0
fi
# shellcheck disable=SC2086
if "$JAVA" $OPTS -Xshare:dump -XX:SharedClassListFile="$WORK/classes.lst" -XX:SharedArchiveFile="$APP/tongpos.jsa" \
    -cp "$CP" >"$WORK/dump.log" 2>&1; then
  echo "AppCDS archive: $(wc -l <"$WORK/classes.lst") classes from $how, $(du -h "$APP/tongpos.jsa" | cut -f1)"
else
  rm -f "$APP/tongpos.jsa"
  echo "AppCDS SKIPPED: the dump failed:"; tail -5 "$WORK/dump.log"
fi
exit 0
