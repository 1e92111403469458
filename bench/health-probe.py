#!/usr/bin/env python3
"""Ingest-to-score latency: for each probe, a new user of the probe account is grouped and tracked with one
/v1/batch call (its 200 means the events are durable), then the account's health is read through the API
until its explanation counts that user ("Active users N of 1000 seats"). Prints p50/p90/p99/max."""
import base64, json, sys, time, urllib.request

base, token, write_key, account, domain, probes, label = sys.argv[1:8]
probes = int(probes)
auth = {"Authorization": "Basic " + base64.b64encode((write_key + ":").encode()).decode(),
        "Content-Type": "application/json"}
api = {"Authorization": "Bearer " + token}


def active_users():
    with urllib.request.urlopen(urllib.request.Request(f"{base}/api/v1/accounts/{account}/health", headers=api)) as r:
        body = json.load(r)
    for part in body.get("explanation") or []:
        if part["metric"] == "ACTIVE_USERS_PER_SEAT" and part["hasData"]:
            return int(part["text"].split(" ")[2].replace(",", ""))
    return 0


start = active_users()
latencies = []
for i in range(1, probes + 1):
    user = f"probe-{label}-{i}"
    body = json.dumps({"batch": [{"type": "group", "userId": user, "groupId": domain},
                                 {"type": "track", "userId": user, "event": "Signed In"}]}).encode()
    t0 = time.monotonic()
    with urllib.request.urlopen(urllib.request.Request(f"{base}/v1/batch", data=body, headers=auth)) as r:
        assert r.status == 200
    while active_users() < start + i:
        if time.monotonic() - t0 > 60:
            print(f"{label}: probe {i} not visible after 60 s: the server falls behind at this rate "
                  f"({len(latencies)} probes seen before it, slowest {max(latencies, default=0) * 1000:.0f} ms)")
            sys.exit(0)
        time.sleep(0.02)
    latencies.append(time.monotonic() - t0)
    time.sleep(0.3)
latencies.sort()
pick = lambda q: latencies[min(len(latencies) - 1, int(round(q * (len(latencies) - 1))))] * 1000
print(f"{label}: {len(latencies)} probes, ingest to score visible in the API: p50={pick(.5):.0f} ms "
      f"p90={pick(.9):.0f} ms p99={pick(.99):.0f} ms max={latencies[-1] * 1000:.0f} ms")
