#!/usr/bin/env bash
# Durability check (issue 4: "an ingest answer of 200 means the events survive a kill -9 of the process
# that very moment"). Four clients post Segment batches as fast as they can; after a few seconds the
# server is killed with SIGKILL mid-load; then every message id that was answered 200 is looked for in
# the event log on disk. Prints how many were acknowledged, how many are on disk, and how many are missing
# (must be 0). Events on disk that were never acknowledged (in flight at the kill) are allowed.
#
#   bench/ingest-kill.sh [seconds before the kill]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_BEFORE_KILL=${1:-6}
[ -f target/kizuna.jar ] || ./mvnw -B -q -DskipTests package
JAVA=$(bash -c 'source <(sed -n "/^java_version()/,/^}/p;/^find_java()/,/^}/p" kizuna); find_java')
WORK=$(mktemp -d)
PORT=18645
TOKEN=kz_benchmark-token-0123456789abcdefghijklmnop
trap 'kill -9 $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$JAVA" -jar target/kizuna.jar --server.port=$PORT --kizuna.data-dir="$WORK/data" \
  --kizuna.identity.admin-password=benchmark-password --kizuna.identity.bootstrap-api-token=$TOKEN \
  >"$WORK/kizuna.log" 2>&1 &
PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do sleep 1; done
WRITE_KEY=$(curl -fs -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d '{"name":"Kill test","kind":"SERVER"}' "http://127.0.0.1:$PORT/api/v1/sources" | sed -n 's/.*"writeKey":"\([^"]*\)".*/\1/p')
(sleep "$SECONDS_BEFORE_KILL"; kill -9 $PID) &
python3 - "$PORT" "$WRITE_KEY" "$WORK/acknowledged.txt" <<'PY'
import base64, json, sys, threading, urllib.request
port, key, out = sys.argv[1], sys.argv[2], sys.argv[3]
auth = "Basic " + base64.b64encode((key + ":").encode()).decode()
acknowledged, lock = [], threading.Lock()
def client(n):
    i = 0
    while True:
        ids = ["kill-%d-%d-%d" % (n, i, j) for j in range(50)]
        body = json.dumps({"batch": [{"type": "track", "userId": "u-%d" % n, "event": "Clicked", "messageId": m} for m in ids]}).encode()
        request = urllib.request.Request("http://127.0.0.1:%s/v1/batch" % port, data=body,
                                         headers={"Authorization": auth, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                if answer.status == 200:
                    with lock:
                        acknowledged.extend(ids)
        except Exception:
            return  # the server is gone
        i += 1
threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
for t in threads: t.start()
for t in threads: t.join()
open(out, "w").write("\n".join(acknowledged))
PY
wait
python3 - "$WORK/data/events" "$WORK/acknowledged.txt" <<'PY'
import json, os, struct, sys
directory, acknowledged = sys.argv[1], open(sys.argv[2]).read().split()
stored = set()
for name in sorted(os.listdir(directory)):
    data = open(os.path.join(directory, name), "rb").read()
    at = 0
    while at + 4 <= len(data):
        (length,) = struct.unpack(">i", data[at:at + 4])
        if length <= 0 or at + 4 + length > len(data):
            break  # a torn tail
        stored.add(json.loads(data[at + 4:at + 4 + length])["messageId"])
        at += 4 + length
missing = [m for m in acknowledged if m not in stored]
print("acknowledged (200) before the kill: %d events; on disk after it: %d; acknowledged but missing: %d"
      % (len(acknowledged), len(stored), len(missing)))
sys.exit(1 if missing else 0)
PY
