#!/usr/bin/env bash
# CSV import throughput: 100,000 Salesforce-style account rows through the import API (upload, check,
# run), against a fresh Kizuna on PostgreSQL (or H2), and, in the same run, the baseline: the same
# rows sent one by one to the idempotent upsert API (PUT /api/v1/accounts/external/salesforce/{id}),
# measured on a sample and extrapolated.
#
#   bench/import.sh [rows] [postgresql|h2] [baseline-sample]
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-100000}
DB=${2:-postgresql}
SAMPLE=${3:-2000}
PORT=18720
TOKEN=kz_bench-import-token-0123456789abcdef
WORK=$(mktemp -d)
trap 'kill $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT

JAVA=$(for j in /usr/lib/jvm/*/bin/java; do v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1); [ "${v:-0}" -ge 21 ] && echo "$j" && break; done)
[ -f target/kizuna.jar ] || ./mvnw -q -DskipTests package

if [ "$DB" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists kizuna_bench_import" -c "create database kizuna_bench_import"
  DBARGS="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/kizuna_bench_import --spring.datasource.username=postgres"
else
  DBARGS=""
fi

echo "generating $ROWS rows"
python3 - "$ROWS" "$WORK/accounts.csv" "$WORK/sample.jsonl" "$SAMPLE" <<'PY'
import sys, random
rows, path, sample_path, sample = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
random.seed(7)
stages = ["onboarding", "adoption", "renewal", "expansion", "churned"]
countries = ["Japan", "日本", "JP", "United States", "Germany"]
with open(path, "w", encoding="utf-8-sig", newline="") as f, open(sample_path, "w") as s:
    f.write("Account ID,Account Name,Website,Industry,Employees,Billing Country,Lifecycle Stage\r\n")
    for i in range(rows):
        emp = random.randint(5, 50000)
        f.write(f"0015g{i:010d},株式会社ベンチ{i},https://bench{i}.example.jp,Software,\"{emp:,}\",{random.choice(countries)},{random.choice(stages)}\r\n")
        if i < sample:
            s.write(f'0015h{i:010d}\t{{"name":"Baseline {i}","domains":["base{i}.example.jp"],"industry":"Software","employeeCount":{emp},"country":"JP","stage":"ADOPTION"}}\n')
PY

"$JAVA" -Xmx2g -jar target/kizuna.jar --server.port=$PORT --kizuna.data-dir="$WORK/data" $DBARGS \
  --kizuna.identity.bootstrap-api-token=$TOKEN --kizuna.identity.admin-password=bench-admin-password \
  --logging.level.root=warn > "$WORK/app.log" 2>&1 &
APP=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; do sleep 0.5; done
AUTH="Authorization: Bearer $TOKEN"
now() { date +%s.%N; }

t0=$(now)
UPLOAD=$(curl -sf -H "$AUTH" -F kind=accounts -F "file=@$WORK/accounts.csv;type=text/csv" "http://127.0.0.1:$PORT/api/v1/imports")
ID=$(echo "$UPLOAD" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
MAPPING=$(echo "$UPLOAD" | python3 -c 'import json,sys; print(json.dumps({"mapping": json.load(sys.stdin)["suggestedMapping"]}))')
t1=$(now)
CHECK=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "$MAPPING" "http://127.0.0.1:$PORT/api/v1/imports/$ID/check")
t2=$(now)
curl -sf -H "$AUTH" -X POST "http://127.0.0.1:$PORT/api/v1/imports/$ID/run" >/dev/null
while :; do
  STATUS=$(curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/imports/$ID")
  case "$STATUS" in *'"DONE"'*|*'"FAILED"'*) break;; esac
  sleep 0.2
done
t3=$(now)
echo "check: $(echo "$CHECK" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["valid"], "valid,", c["rejected"], "rejected")')"
echo "status: $STATUS"

b0=$(now)
while IFS=$'\t' read -r id body; do
  curl -sf -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' -d "$body" \
    "http://127.0.0.1:$PORT/api/v1/accounts/external/salesforce/$id"
done < "$WORK/sample.jsonl"
b1=$(now)

python3 - "$ROWS" "$SAMPLE" "$t0" "$t1" "$t2" "$t3" "$b0" "$b1" "$DB" <<'PY'
import sys
rows, sample = int(sys.argv[1]), int(sys.argv[2])
t0, t1, t2, t3, b0, b1 = map(float, sys.argv[3:9])
total = t3 - t0
print(f"database: {sys.argv[9]}")
print(f"import of {rows:,} rows: upload {t1-t0:.1f} s, check {t2-t1:.1f} s, run {t3-t2:.1f} s, total {total:.1f} s"
      f" = {rows/total:,.0f} rows/s")
rate = sample / (b1 - b0)
print(f"baseline, one upsert request per row: {sample:,} rows in {b1-b0:.1f} s = {rate:,.0f} rows/s"
      f" -> {rows/rate:.0f} s for {rows:,} rows")
PY
