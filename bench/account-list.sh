#!/usr/bin/env bash
# Account list under load (issue 3: p99 <= 50 ms for filter + sort + page, 32 concurrent requests,
# 100,000 accounts).
#
#   bench/account-list.sh [accounts] [duration] [database]
#   defaults: 100000 accounts, 30s per measurement, database "postgresql" (or "h2")
#
# Starts target/kizuna.jar with the demo company of that size (PostgreSQL: database kizuna_bench on
# 127.0.0.1:5432, dropped and created anew; H2: a fresh temporary data directory), waits until every
# account is loaded, warms up (WARMUP, default 45s: the JIT needs that long on two cores before the
# figures settle), then drives it with wrk (apt-get install wrk), 32 connections on 2 threads:
#   baseline  GET /actuator/health/liveness: the server's floor for an authenticated-free request
#   list      GET /api/v1/accounts with a random stage, size band, plan, text, sort column, direction
#             and page (0-19) on every request (bench/account-list.lua), with an API token
#   no-text   the same without the free-text search (filters, sort and paging only)
# The account list page (/accounts) runs the same query and adds HTML rendering on top.
# Each line ends with the server's CPU per request (user + system time of the JVM from /proc), which
# varies far less than latency when the machine is shared: wrk runs on the same two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-100000}
DURATION=${2:-30s}
DATABASE=${3:-postgresql}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
JAR=${JAR:-target/kizuna.jar} # JAR=… measures another build, e.g. the one before a change
# ARGS=… adds options, e.g. ARGS=--kizuna.accounts.concurrent-searches=1000 for searches without a queue
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
JAVA=$(bash -c 'source <(sed -n "/^java_version()/,/^}/p;/^find_java()/,/^}/p" kizuna); find_java')
WORK=$(mktemp -d)
PORT=18642
TOKEN=kz_benchmark-token-0123456789abcdefghijklmnop
DB_ARGS=()
# H2 only: DATA_CACHE=/some/dir keeps the loaded database there after the first run and starts the next
# runs from a copy of it, which spares the demo's load (minutes on this machine) when comparing builds.
DATA_CACHE=${DATA_CACHE:-}
if [ "$DATABASE" = h2 ] && [ -n "$DATA_CACHE" ] && [ -d "$DATA_CACHE/db" ]; then
  cp -r "$DATA_CACHE/db" "$WORK/db"
fi
if [ "$DATABASE" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists kizuna_bench with (force)" -c "create database kizuna_bench"
  DB_ARGS=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/kizuna_bench --spring.datasource.username=postgres)
fi
"$JAVA" -jar "$JAR" --server.port=$PORT --kizuna.data-dir="$WORK" "${DB_ARGS[@]}" \
  --kizuna.demo.enabled=true --kizuna.demo.accounts="$ACCOUNTS" --kizuna.identity.admin-password=benchmark-password \
  --kizuna.identity.bootstrap-api-token=$TOKEN ${ARGS:-} >"$WORK/kizuna.log" 2>&1 &
PID=$!
cleanup() {
  local status=$?
  kill $PID 2>/dev/null || true
  wait $PID 2>/dev/null || true
  if [ "$DATABASE" = h2 ] && [ -n "$DATA_CACHE" ] && [ ! -d "$DATA_CACHE/db" ] && [ $status = 0 ]; then
    mkdir -p "$DATA_CACHE" && cp -r "$WORK/db" "$DATA_CACHE/db"
  fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT

loaded() {
  curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/accounts?pageSize=1" \
    | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}
start=$(date +%s)
until [ "$(loaded || true)" = "$ACCOUNTS" ]; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/kizuna.log" >&2; exit 1; }
  sleep 1
done
# With DATA_CACHE (or any existing database) the search index is built anew and health rescored at start,
# in the background, for a minute or two on two cores; until the index is ready the list is answered by SQL.
# Measuring then would measure that, so wait until the server has used under a tenth of a core for 5 s.
TICKS_PER_S=$(getconf CLK_TCK)
loaded_at=$(date +%s)
while true; do
  busy_before=$(awk '{print $14 + $15}' /proc/$PID/stat)
  sleep 5
  busy=$(( $(awk '{print $14 + $15}' /proc/$PID/stat) - busy_before ))
  [ "$busy" -lt $(( TICKS_PER_S / 2 )) ] && break
  [ $(( $(date +%s) - loaded_at )) -gt 600 ] && { echo "the server did not come to rest within 10 minutes" >&2; exit 1; }
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); database: $DATABASE"
echo "loaded $ACCOUNTS demo accounts in $(( loaded_at - start )) s after start, at rest $(( $(date +%s) - loaded_at )) s later"

export TOKEN
WARMUP=${WARMUP:-45s}
wrk -t2 -c32 -d"$WARMUP" -s bench/account-list.lua "http://127.0.0.1:$PORT" >/dev/null
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' /proc/$PID/stat; }
measure() { # label, then environment for the Lua script
  local label=$1 before result requests
  shift
  before=$(cpu_ticks)
  result=$(env "$@" wrk -t2 -c32 -d"$DURATION" -s bench/account-list.lua "http://127.0.0.1:$PORT" | tail -1)
  requests=$(sed -n 's/^requests=\([0-9]*\).*/\1/p' <<<"$result")
  printf '%-9s %s cpu=%sms/request\n' "$label" "$result" \
    "$(awk -v t=$(( $(cpu_ticks) - before )) -v hz="$TICKS" -v n="$requests" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')"
}
measure baseline LIST_PATH=/actuator/health/liveness
measure list TEXT_SEARCH=1
measure no-text TEXT_SEARCH=0
