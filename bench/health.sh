#!/usr/bin/env bash
# Health scores (issue 4): a full recompute of every account (goal ≤ 10 s at 100,000 accounts) and the
# time from ingest to a new score visible in the API while events arrive (goal p99 ≤ 2 s at 50k events/s).
#
#   bench/health.sh [accounts] [load seconds] [database] ["delays ms between a connection's batches"]
#   defaults: 100000 accounts, 60 s, postgresql (or h2), "400 100 26" (one load run per pause; 26 ms is about 50,000 events/s)
#   REUSE_DB=1 keeps the PostgreSQL database of an earlier run (the demo company takes minutes to write);
#   KEEP_LOG=path keeps Kizuna's log (slow feed steps and health refreshes are logged).
#   PROBES=n probes under each load (40; give the load long enough for them).
#
# 1. target/kizuna.jar with the demo company of that size (PostgreSQL: database kizuna_bench_health, made
#    anew). The start reads every account's signals from the database and scores them: its time, from the
#    log, is the baseline (what a recompute costs when it reads everything again, as overnight scoring does).
# 2. Full recompute: the default scorecard's billing weight is changed through the API, which moves every
#    score; GET /api/v1/health/recompute is polled until the recompute has finished and its own time is
#    reported. Then back again, and once with nothing to change.
# 3. Latency: a probe account with 1,000 seats; bench/health-probe.py groups and tracks one new user at a
#    time and reads the account's health through the API until it counts that user. First on an idle
#    server, then while wrk (bench/health-load.lua, apt-get install wrk) posts track events of 20,000 users
#    of 2,000 demo accounts, so that health refreshes many accounts at once.
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-100000}
LOAD=${2:-60}
DATABASE=${3:-postgresql}
DELAY=${4:-400 100 26}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f target/kizuna.jar ] || ./mvnw -B -q -DskipTests package
JAVA=$(bash -c 'source <(sed -n "/^java_version()/,/^}/p;/^find_java()/,/^}/p" kizuna); find_java')
WORK=$(mktemp -d)
PORT=18645
BASE=http://127.0.0.1:$PORT
TOKEN=kz_benchmark-token-0123456789abcdefghijklmnop
PID=
cleanup() {
  local status=$?
  [ -n "$PID" ] && { kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; }
  [ -n "${KEEP_LOG:-}" ] && cp "$WORK/kizuna.log" "$KEEP_LOG"
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); $DATABASE"
DB_ARGS=()
if [ "$DATABASE" = postgresql ]; then
  if [ "${REUSE_DB:-0}" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists kizuna_bench_health with (force)" -c "create database kizuna_bench_health"
  fi
  DB_ARGS=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/kizuna_bench_health --spring.datasource.username=postgres)
fi
"$JAVA" -Xmx4g -jar target/kizuna.jar --server.port=$PORT --kizuna.data-dir="$WORK/data" "${DB_ARGS[@]}" \
  --kizuna.demo.enabled=true --kizuna.demo.accounts="$ACCOUNTS" --kizuna.identity.admin-password=benchmark-password \
  --kizuna.identity.bootstrap-api-token=$TOKEN >"$WORK/kizuna.log" 2>&1 &
PID=$!
get() { curl -fs -H "Authorization: Bearer $TOKEN" "$BASE$1"; }
send() { curl -fs -X "$1" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d "$3" "$BASE$2"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
start=$(date +%s)
until get "/api/v1/health/recompute" 2>/dev/null | field "d['total'] if d and d.get('finished') else ''" 2>/dev/null | grep -q "^[0-9]"; do
  kill -0 $PID 2>/dev/null || { tail -50 "$WORK/kizuna.log" >&2; exit 1; }
  sleep 2
done
echo "demo company of $ACCOUNTS accounts loaded and scored $(( $(date +%s) - start )) s after start"
grep -o "health: signals of .*\|health: [0-9]* accounts scored in .*" "$WORK/kizuna.log" | head -2 | sed 's/^/baseline (start: read every signal from the database, then score): /'

recompute() {
  local before
  before=$(get "/api/v1/health/recompute" | field "d['started']")
  eval "$1"
  until get "/api/v1/health/recompute" | field "'done' if d['started'] != '$before' and d.get('finished') else ''" | grep -q done; do
    sleep 0.1
  done
  get "/api/v1/health/recompute" | field "'%s: %d accounts in %d ms, %d changed' % ('$2', d['total'], (__import__('datetime').datetime.fromisoformat(d['finished'].replace('Z','+00:00')) - __import__('datetime').datetime.fromisoformat(d['started'].replace('Z','+00:00'))).total_seconds()*1000, d['changed'])"
}
change_weight() {
  local card
  card=$(get "/api/v1/health/scorecards" | python3 -c "
import json,sys
c=[c for c in json.load(sys.stdin) if c['segment'] is None][0]
for m in c['measures']:
    if m['metric']=='BILLING': m['weight']=$1
print(json.dumps(c))")
  send PUT "/api/v1/health/scorecards/$(echo "$card" | field "d['id']")" "$card" >/dev/null
}
for run in 1 2 3; do
  recompute "change_weight 30" "full recompute, billing weight 10 → 30 (run $run)"
  recompute "change_weight 10" "full recompute, billing weight 30 → 10 (run $run)"
done
recompute "send POST /api/v1/health/recompute '' >/dev/null" "full recompute, nothing changed"

# The probe account and a source for the load.
PROBE_DOMAIN="probe-$(date +%s).example"
PROBE=$(send POST /api/v1/accounts "{\"name\":\"Probe\",\"stage\":\"ADOPTION\",\"domains\":[\"$PROBE_DOMAIN\"]}" | field "d['id']")
send POST /api/v1/subscriptions "{\"accountId\":\"$PROBE\",\"product\":\"Kizuna Cloud\",\"plan\":\"Pro\",\"quantity\":1000,\"unitPrice\":\"1000\",\"currency\":\"JPY\",\"billingPeriod\":\"MONTHLY\",\"startDate\":\"$(date -d '-90 days' +%F)\",\"autoRenew\":false,\"status\":\"ACTIVE\"}" >/dev/null
WRITE_KEY=$(send POST /api/v1/sources '{"name":"Benchmark","kind":"SERVER"}' | field "d['writeKey']")
export WRITE_KEY_B64=$(printf '%s:' "$WRITE_KEY" | base64 -w0)
bench/health-probe.py "$BASE" "$TOKEN" "$WRITE_KEY" "$PROBE" "$PROBE_DOMAIN" 30 idle

# 20,000 users grouped with 2,000 demo accounts (by domain), in batches of 500 group calls.
python3 - "$BASE" "$TOKEN" "$WRITE_KEY" <<'PY'
import base64, json, sys, urllib.request
base, token, key = sys.argv[1:4]
domains = []
page = 0
while len(domains) < 2000:
    req = urllib.request.Request(f"{base}/api/v1/accounts?pageSize=100&page={page}&stage=ADOPTION", headers={"Authorization": "Bearer " + token})
    items = json.load(urllib.request.urlopen(req))["items"]
    if not items:
        break
    domains += [a["domains"][0] for a in items if a.get("domains")]
    page += 1
auth = {"Authorization": "Basic " + base64.b64encode((key + ":").encode()).decode(), "Content-Type": "application/json"}
for start in range(0, 20000, 500):
    batch = [{"type": "group", "userId": f"u-{u}", "groupId": domains[u % len(domains)]} for u in range(start, start + 500)]
    urllib.request.urlopen(urllib.request.Request(f"{base}/v1/batch", data=json.dumps({"batch": batch}).encode(), headers=auth))
print(f"load: 20,000 users grouped with {len(domains)} demo accounts")
PY
sleep 5
for delay in $DELAY; do
  RUN=load$delay BATCH=500 USERS=20000 DELAY_MS=$delay wrk -t2 -c4 -d"${LOAD}s" -s bench/health-load.lua "$BASE" > "$WORK/wrk.txt" &
  WRK=$!
  sleep 5
  bench/health-probe.py "$BASE" "$TOKEN" "$WRITE_KEY" "$PROBE" "$PROBE_DOMAIN" "${PROBES:-40}" "under load ($delay ms pause)"
  wait $WRK
  echo -n "  load: wrk, 4 connections, 500 events a batch, $delay ms between a connection's batches: "
  tail -1 "$WORK/wrk.txt"
  # Let the feed and the scores catch up before the next rate.
  sleep 20
done
