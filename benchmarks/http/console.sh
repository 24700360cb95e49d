#!/usr/bin/env bash
# The web console under a fleet of 10,000 nodes: requests per second and latency of the overview's live feed
# (overview.json, polled every 2 s by each open overview) and of the nodes table (first page, sorted by id and by
# load), sent as a logged-in browser sends them: basic auth plus the session cookie, with which Karaf's console
# skips the JAAS login (a bcrypt check) after the first request of a session.
#
#   benchmarks/http/console.sh [seconds per run] [connections]
#
# Needs ./mvnw -B install -DskipTests first and wrk (apt-get install -y wrk).
set -euo pipefail
DURATION=${1:-15}
CONNECTIONS=${2:-4}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/http
DB=derby
KARAF=$ROOT/benchmarks/target/console
PORT=${FOG_BENCH_PORT:-18381}
URL=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }
source "$HERE/runtime.sh"

# 10,000 nodes of the benchmark workload's shapes, in batches of 1,000
python3 - "$URL" "$FOG_TOKEN" <<'PY'
import json, random, sys, urllib.request
url, token = sys.argv[1], sys.argv[2]
rng = random.Random(42)
regions = ["us-east", "us-west", "eu-west", "eu-central", "ap-south", "ap-northeast"]
for batch in range(10):
    nodes = [{"id": f"node-{batch * 1000 + i:05d}", "type": "EDGE_DEVICE", "region": rng.choice(regions),
              "capacity": {"cpuCores": rng.choice([1, 2, 4, 8, 16]),
                           "memoryMb": rng.choice([512, 1024, 2048, 4096, 8192, 16384]),
                           "storageMb": 10240, "gpuCount": 1 if rng.random() < 0.2 else 0},
              "labels": {"rack": f"r{rng.randrange(40)}"}} for i in range(1000)]
    request = urllib.request.Request(f"{url}/api/nodes/batch", data=json.dumps({"nodes": nodes}).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    urllib.request.urlopen(request).read()
print("registered 10,000 nodes")
PY

AUTH="Authorization: Basic $(printf 'admin:%s' "$FOG_ADMIN_PASSWORD" | base64 -w0)"
SESSION=$(curl -fs -o /dev/null -c - -H "$AUTH" "$URL/system/console/fog-overview" | awk '/JSESSIONID/ {print $7}')
[ -n "$SESSION" ] || { echo "no session cookie from the console"; exit 1; }
run() {
  echo "== $1 ($CONNECTIONS connections, ${DURATION} s)"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$AUTH" -H "Cookie: JSESSIONID=$SESSION" \
    "$URL/system/console/$1" \
    | grep -E 'Requests/sec|Non-2xx|50%|99%'
}
run fog-overview/overview.json
run "fog-nodes"
run "fog-nodes?sort=load&dir=desc"
run "fog-overview"
