#!/usr/bin/env bash
# Dashboard numbers at scale (issue 5: every dashboard figure for 100,000 accounts and three years of
# history in <= 300 ms, precomputed and refreshed incrementally).
#
#   bench/dashboard.sh [accounts] [duration] [database]
#   defaults: 100000 accounts, 20s per measurement, database "postgresql" (or "h2")
#
# 1. Starts target/kizuna.jar with the demo company of that size (three years of subscription history),
#    waits until it is loaded and the metrics have taken in every change, and stops it.
# 2. Starts it again on the same database, as after a deployment, and reads from the log how long the
#    metrics took to read the whole subscription history: the baseline, i.e. what computing the
#    dashboard from the database on every page view would cost at the least.
# 3. Drives GET /api/v1/metrics (every figure of the dashboard: 36 months of MRR movements, rates, GRR,
#    NRR, LTV, cohort tables, the fitted retention model) with wrk (apt-get install wrk):
#      liveness   GET /actuator/health/liveness, the server's floor
#      default    the default dashboard (cached until a subscription changes), 1 and 8 connections
#      filtered   a random segment, plan and range of months per request (mostly computed afresh)
#    and times single cold requests with curl (a new filter each, nothing cached).
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-100000}
DURATION=${2:-20s}
DATABASE=${3:-postgresql}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f target/kizuna.jar ] || ./mvnw -B -q -DskipTests package
JAVA=$(bash -c 'source <(sed -n "/^java_version()/,/^}/p;/^find_java()/,/^}/p" kizuna); find_java')
WORK=$(mktemp -d)
PORT=18643
TOKEN=kz_benchmark-token-0123456789abcdefghijklmnop
DB_ARGS=()
if [ "$DATABASE" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists kizuna_bench with (force)" -c "create database kizuna_bench"
  DB_ARGS=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/kizuna_bench --spring.datasource.username=postgres)
fi
PID=
start_kizuna() {
  "$JAVA" -jar target/kizuna.jar --server.port=$PORT --kizuna.data-dir="$WORK" "${DB_ARGS[@]}" \
    --kizuna.demo.enabled=true --kizuna.demo.accounts="$ACCOUNTS" --kizuna.identity.admin-password=benchmark-password \
    --kizuna.identity.bootstrap-api-token=$TOKEN >"$WORK/kizuna-$1.log" 2>&1 &
  PID=$!
}
stop_kizuna() {
  kill $PID 2>/dev/null || true
  wait $PID 2>/dev/null || true
}
cleanup() {
  local status=$?
  stop_kizuna
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT
metric() {
  curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/metrics" \
    | sed -n "s/.*\"customersStart\":[0-9]*,\"customers\":\([0-9]*\).*/\1/p"
}
loaded() {
  curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/accounts?pageSize=1" \
    | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

start_kizuna load
start=$(date +%s)
until [ "$(loaded || true)" = "$ACCOUNTS" ]; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/kizuna-load.log" >&2; exit 1; }
  sleep 2
done
# The metrics follow the demo's batches after they commit: wait until the customer count stops moving.
previous=-1 same=0
while [ $same -lt 3 ]; do
  sleep 2
  now=$(metric || echo -1)
  if [ -n "$now" ] && [ "$now" = "$previous" ] && [ "$now" != -1 ]; then same=$((same + 1)); else same=0; fi
  previous=$now
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); database: $DATABASE"
echo "loaded $ACCOUNTS demo accounts ($previous paying now) in $(( $(date +%s) - start )) s after start"
if [ "$DATABASE" = postgresql ]; then
  echo "subscription changes: $(psql -h 127.0.0.1 -U postgres -d kizuna_bench -tAc 'select count(*) from subscription_change')"
fi
stop_kizuna

start_kizuna restart
until grep -q "metrics: MRR history of [1-9]" "$WORK/kizuna-restart.log"; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/kizuna-restart.log" >&2; exit 1; }
  sleep 1
done
echo "baseline: $(grep -o 'metrics: MRR history.*' "$WORK/kizuna-restart.log") (a full read of the history at start)"
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do sleep 1; done

export TOKEN
echo -n "cold, one at a time (new filter each, nothing cached), 20 requests: "
for i in $(seq 1 20); do
  curl -fs -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/api/v1/metrics?from=2024-$(printf %02d $(( (i % 12) + 1 )))&plan=$( [ $((i % 2)) = 0 ] && echo Growth || echo '')&segment=$( [ $((i % 3)) = 0 ] && echo SMB || echo '')"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "p50=%.0fms max=%.0fms\n", t[int(NR / 2)], t[NR] }'
MODE=default wrk -t1 -c4 -d5s -s bench/dashboard.lua "http://127.0.0.1:$PORT" >/dev/null   # warm-up
echo -n "liveness        c8 "
METRICS_PATH=/actuator/health/liveness wrk -t2 -c8 -d"$DURATION" -s bench/dashboard.lua "http://127.0.0.1:$PORT" | tail -1
echo -n "default         c1 "
MODE=default wrk -t1 -c1 -d"$DURATION" -s bench/dashboard.lua "http://127.0.0.1:$PORT" | tail -1
echo -n "default         c8 "
MODE=default wrk -t2 -c8 -d"$DURATION" -s bench/dashboard.lua "http://127.0.0.1:$PORT" | tail -1
echo -n "filtered        c1 "
MODE=filtered wrk -t1 -c1 -d"$DURATION" -s bench/dashboard.lua "http://127.0.0.1:$PORT" | tail -1
echo -n "filtered        c8 "
MODE=filtered wrk -t2 -c8 -d"$DURATION" -s bench/dashboard.lua "http://127.0.0.1:$PORT" | tail -1
echo "resident memory of the server after the runs: $(( $(ps -o rss= -p $PID) / 1024 )) MB"
