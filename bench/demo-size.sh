#!/usr/bin/env bash
# Size of the embedded H2 database after the demo company is written, and after a clean stop (issue 3:
# the demo at sizes up to 100,000 accounts on the embedded default).
#
#   bench/demo-size.sh [accounts] [extra JDBC settings]
#   defaults: 100000 accounts; the settings are appended to the default H2 URL, e.g. ";MAX_COMPACT_TIME=200"
#   (H2's own default) for the baseline of what Kizuna's setting changes.
#
# Starts target/kizuna.jar with the demo on a fresh data directory, waits until every account is written,
# prints the file size and the time the demo took, stops the server with SIGTERM (a clean stop, as systemd
# or docker stop do), prints how long the stop took and the size after it, then starts it again and prints
# the time to ready, so that the figures include what a newcomer meets next.
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-100000}
EXTRA=${2:-}
[ -f target/kizuna.jar ] || ./mvnw -B -q -DskipTests package
JAVA=$(bash -c 'source <(sed -n "/^java_version()/,/^}/p;/^find_java()/,/^}/p" kizuna); find_java')
WORK=$(mktemp -d)
PORT=18645
PID=
cleanup() {
  local status=$?
  [ -n "$PID" ] && { kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; }
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT
ARGS=(--server.port=$PORT --kizuna.data-dir="$WORK/data" --kizuna.identity.admin-password=benchmark-password)
if [ -n "$EXTRA" ]; then
  ARGS+=("--spring.datasource.url=jdbc:h2:file:$WORK/data/db/kizuna;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH$EXTRA")
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); settings: ${EXTRA:-as Kizuna sets them}"
size() { du -sh "$WORK/data/db" | cut -f1; }
start() {
  "$JAVA" -jar target/kizuna.jar "${ARGS[@]}" "$@" >>"$WORK/kizuna.log" 2>&1 &
  PID=$!
}
start --kizuna.demo.enabled=true --kizuna.demo.accounts="$ACCOUNTS"
GROUPED=$(python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$ACCOUNTS") # as the log writes it: 100,000
until grep -q "demo company: $GROUPED accounts" "$WORK/kizuna.log"; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/kizuna.log" >&2; exit 1; }
  sleep 1
done
grep -o "demo company: $GROUPED accounts.*" "$WORK/kizuna.log"
sleep 10 # what the server does right after (health's first recompute, the account index) lands too
echo "database after the demo: $(size)"
stop_start=$(date +%s.%N)
kill -TERM $PID
wait $PID || true
PID=
echo "clean stop: $(python3 -c "print('%.1f s' % ($(date +%s.%N) - $stop_start))"), database after it: $(size)"
again=$(date +%s.%N)
start
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/kizuna.log" >&2; exit 1; }
  sleep 0.5
done
echo "ready again in $(python3 -c "print('%.1f s' % ($(date +%s.%N) - $again))")"
