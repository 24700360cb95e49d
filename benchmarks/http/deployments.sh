#!/usr/bin/env bash
# Load test of deployments over REST with wrk against a copy of the built distribution on loopback: resolve calls per
# second (alone, and each followed by its report), and list/status reads in a read-heavy mix (99 % reads, 1 % scale)
# with the deployments' answers cached (the default) and not cached (cache.*.seconds = 0), with the hit rate.
#
#   benchmarks/http/deployments.sh [derby|postgresql] [seconds per run] [connections]
#
# Needs ./mvnw -B install -DskipTests first. 40 nodes, 50 deployments of 3 replicas, every replica started.
set -euo pipefail
DB=${1:-derby}
DURATION=${2:-15}
CONNECTIONS=${3:-16}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/http
PORT=${FOG_BENCH_PORT:-18181}
URL=http://127.0.0.1:$PORT
export FOG_BENCH_DIR=$HERE
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }

setup() {
  python3 - "$URL" <<'PY'
import json, os, sys, time, urllib.request
url, token = sys.argv[1], os.environ["FOG_TOKEN"]
def call(method, path, body=None):
    request = urllib.request.Request(url + "/api" + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as reply:
        text = reply.read()
        return json.loads(text) if text else None
nodes = [{"id": f"dep-node-{i}", "type": "COMPUTE_NODE", "region": ["eu-west", "us-east"][i % 2],
          "address": f"10.1.{i // 250}.{i % 250}", "port": 7000,
          "capacity": {"cpuCores": 16, "memoryMb": 16384, "storageMb": 10000, "gpuCount": 0}} for i in range(40)]
call("POST", "/nodes/batch", {"nodes": nodes})
for d in range(50):
    call("POST", "/deployments", {"name": f"dep-{d}", "replicas": 3,
         "workload": {"image": "registry.example/web:1", "ports": [8080]},
         "resources": {"cpuCores": 1, "memoryMb": 256, "storageMb": 0, "gpu": False}})
deadline = time.time() + 120
while time.time() < deadline:
    waiting = 0
    for d in range(50):
        for replica in call("GET", f"/deployments/dep-{d}")["replicas"]:
            if replica["state"] == "STARTING":
                call("POST", f"/tasks/{replica['taskId']}/start")
            if replica["state"] != "RUNNING":
                waiting += 1
    if waiting == 0:
        break
    time.sleep(0.5)
print("50 deployments of 3 replicas running" if waiting == 0 else f"{waiting} replicas not running")
PY
}

metrics() {
  curl -fs "$URL/api/deployments/cache/metrics" -H "Authorization: Bearer $FOG_TOKEN"
}

run() {
  echo "== $1 ($DB, cache $MODE, $CONNECTIONS connections, ${DURATION} s)"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/$1.lua" "$URL"
}

for MODE in on off; do
  (
    KARAF=$ROOT/benchmarks/target/http-deployments-$MODE
    if [ "$MODE" = off ]; then
      export FOG_BENCH_CONFIGURE='printf "cache.list.seconds = 0\ncache.status.seconds = 0\n" > "$KARAF/etc/org.fogcompute.deployments.cfg"'
    fi
    source "$HERE/runtime.sh"
    setup
    wrk -t2 -c"$CONNECTIONS" -d5s -s "$HERE/deployment-reads.lua" "$URL" >/dev/null # warm-up
    before=$(metrics)
    run deployment-reads
    after=$(metrics)
    python3 - "$before" "$after" <<'PY'
import json, sys
before, after = (json.loads(text) for text in sys.argv[1:3])
hits, misses = after["hits"] - before["hits"], after["misses"] - before["misses"]
print(f"cache during the run: {hits} hits, {misses} misses, hit rate "
      + (f"{hits / (hits + misses):.1%}" if hits + misses else "n/a (not cached)"))
PY
    if [ "$MODE" = on ]; then
      run deployment-resolve
      run deployment-resolve-report
    fi
  )
done
