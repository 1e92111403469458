#!/usr/bin/env bash
# Startup time and idle memory of target/kizuna.jar (issue: <= 6 s to ready, <= 400 MB RSS idle).
#
#   bench/startup.sh [runs]        (default 5 runs of each variant)
#
# Each run starts the jar on a free port with a fresh data directory (so it is a first start: Flyway
# migrations, the admin user with its bcrypt hash), polls /actuator/health/readiness every 50 ms and
# reports the wall time from exec to the first 200. Ten seconds later it reads the process's RSS.
# Variants, measured in the same run:
#   baseline   java -jar target/kizuna.jar (the nested Spring Boot jar, as built)
#   extracted  the jar extracted with -Djarmode=tools (plain JARs on the class path)
#   aot        extracted plus a JDK 25 AOT cache (-XX:AOTCache, JEP 483/514), trained once before the
#              runs by one start with -XX:AOTCacheOutput: what ./kizuna does
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=target/kizuna.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
JAVA=$(bash -c 'source <(sed -n "/^java_version()/,/^}/p;/^find_java()/,/^}/p" kizuna); find_java')
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# run_once JAR DATA_DIR [JVM options...] -> prints "seconds rss_mb"
run_once() {
  local jar=$1 data=$2; shift 2
  local port; port=$(free_port)
  local start; start=$(date +%s.%N)
  "$JAVA" "$@" -jar "$jar" --server.port="$port" --kizuna.data-dir="$data" \
    --kizuna.identity.admin-password=benchmark-password >"$WORK/out.log" 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "kizuna exited, see log:" >&2; cat "$WORK/out.log" >&2; exit 1; }
    sleep 0.05
  done
  local ready; ready=$(date +%s.%N)
  sleep 10
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v s="$start" -v r="$ready" -v k="$rss" 'BEGIN { printf "%.2f %.0f\n", r - s, k / 1024 }'
}

summary() {
  sort -n -k1 | awk -v label="$1" '{ t[NR] = $1; m[NR] = $2; ts += $1; ms += $2 }
    END { printf "%-9s runs=%d  ready: median %.2f s (min %.2f, max %.2f)  idle RSS: mean %.0f MB\n",
          label, NR, t[int((NR + 1) / 2)], t[1], t[NR], ms / NR }'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; java: $("$JAVA" -version 2>&1 | head -1)"
echo "jar: $JAR ($(du -h "$JAR" | cut -f1)), runs per variant: $RUNS"

"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
EXTRACTED=$WORK/app/kizuna.jar

for i in $(seq "$RUNS"); do run_once "$JAR" "$WORK/base$i"; done | summary baseline
for i in $(seq "$RUNS"); do run_once "$EXTRACTED" "$WORK/extracted$i"; done | summary extracted

if "$JAVA" -XX:AOTCacheOutput="$WORK/probe.aot" -version >/dev/null 2>&1; then
  # Training run: the JVM writes the cache when the process exits after the start.
  run_once "$EXTRACTED" "$WORK/train" -XX:AOTCacheOutput="$WORK/kizuna.aot" >/dev/null
  for i in $(seq "$RUNS"); do run_once "$EXTRACTED" "$WORK/aot$i" -XX:AOTCache="$WORK/kizuna.aot"; done | summary aot
else
  echo "aot       skipped: this JDK has no -XX:AOTCacheOutput (needs JDK 25+)"
fi
