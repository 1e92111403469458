#!/usr/bin/env bash
# Ingest throughput (issue 4: at least 3x the rate of PostgreSQL COPY of the same events into an
# indexed table, on this 2-core machine).
#
#   bench/ingest.sh [duration] [batch size] [events for the COPY baseline]
#   defaults: 20s, 100 events a batch, 500000 events
#
# 1. Baseline: the same kind of events (JSON, one per line with message id, source and time) loaded with
#    psql \copy into a table with a primary key on the message id and an index on the time
#    (PostgreSQL on 127.0.0.1:5432, database kizuna_bench_ingest, dropped and made anew).
# 2. Kizuna: target/kizuna.jar on a fresh data directory, a source made through /api/v1/sources, and wrk
#    (apt-get install wrk) posting Segment batches to /v1/batch, each event with its own messageId, with
#    4 and 16 connections. Every 200 means the batch was fsynced to the event log.
# JAR=… runs another build (say, the one before a change) in place of target/kizuna.jar; ARGS=… adds
# options, e.g. ARGS=--kizuna.usage.feed-delay=1h to measure the ingest without the usage feed beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20s}
BATCH=${2:-100}
EVENTS=${3:-500000}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
JAR=${JAR:-target/kizuna.jar}
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
JAVA=$(bash -c 'source <(sed -n "/^java_version()/,/^}/p;/^find_java()/,/^}/p" kizuna); find_java')
WORK=$(mktemp -d)
PORT=18644
TOKEN=kz_benchmark-token-0123456789abcdefghijklmnop
PID=
cleanup() {
  local status=$?
  [ -n "$PID" ] && { kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; }
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); disk: $(df -h "$WORK" | awk 'NR==2 {print $1}')"

python3 - "$EVENTS" "$WORK/events.tsv" <<'PY'
import sys, json
n, path = int(sys.argv[1]), sys.argv[2]
names = ["Signed In", "Report Exported", "Dashboard Viewed", "Guide Completed", "Invite Sent", "Search Used"]
with open(path, "w") as out:
    for i in range(n):
        event = {"type": "track", "userId": "user-%d" % (i % 50000), "event": names[i % 6], "messageId": "copy-%d" % i,
                 "properties": {"plan": "Growth", "seats": i % 100}, "context": {"library": {"name": "bench"}},
                 "timestamp": "2026-11-23T01:00:00Z", "receivedAt": "2026-11-23T01:00:01Z",
                 "sourceId": "00000000-0000-0000-0000-000000000001"}
        out.write("copy-%d\t00000000-0000-0000-0000-000000000001\t2026-11-23T01:00:01Z\t%s\n" % (i, json.dumps(event, separators=(",", ":"))))
PY
psql -h 127.0.0.1 -U postgres -qc "drop database if exists kizuna_bench_ingest with (force)" -c "create database kizuna_bench_ingest"
psql -h 127.0.0.1 -U postgres -d kizuna_bench_ingest -qc "create table event (message_id text primary key, source_id uuid not null, received_at timestamptz not null, body jsonb not null); create index event_received_ix on event (received_at)"
start=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -d kizuna_bench_ingest -qc "\\copy event from '$WORK/events.tsv'"
end=$(date +%s.%N)
echo "baseline: COPY of $EVENTS events into an indexed table: $(python3 -c "print('%.1f s = %.0f events/s' % ($end - $start, $EVENTS / ($end - $start)))")"

"$JAVA" -jar "$JAR" --server.port=$PORT --kizuna.data-dir="$WORK/data" \
  --kizuna.identity.admin-password=benchmark-password --kizuna.identity.bootstrap-api-token=$TOKEN ${ARGS:-} \
  >"$WORK/kizuna.log" 2>&1 &
PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/kizuna.log" >&2; exit 1; }
  sleep 1
done
WRITE_KEY=$(curl -fs -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d '{"name":"Benchmark","kind":"SERVER"}' "http://127.0.0.1:$PORT/api/v1/sources" | sed -n 's/.*"writeKey":"\([^"]*\)".*/\1/p')
export WRITE_KEY BATCH
# Warm up for 30 s: for the first 20-30 s the JIT compilers take a fifth of the two cores (perf, 2026-12-06).
RUN=warm wrk -t2 -c16 -d30s -s bench/ingest.lua "http://127.0.0.1:$PORT" >/dev/null
# The server's CPU time per event as well: on this shared machine the rate moves with the neighbours from
# run to run by a third, the work each event costs much less.
cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
for connections in 4 16; do
  echo -n "kizuna: $BATCH events a batch, $connections connections: "
  before=$(cpu)
  result=$(RUN="c$connections" wrk -t2 -c$connections -d"$DURATION" -s bench/ingest.lua "http://127.0.0.1:$PORT" | tail -1)
  after=$(cpu)
  requests=$(echo "$result" | sed -n 's/^requests=\([0-9]*\).*/\1/p')
  echo "$result server-cpu=$(python3 -c "print('%.2f s per 100,000 events' % (($after - $before) / $(getconf CLK_TCK) / ($requests * $BATCH) * 100000))")"
done
echo "event log on disk: $(du -sh "$WORK/data/events" | cut -f1) in $(ls "$WORK/data/events" | wc -l) file(s)"
