#!/usr/bin/env bash
# Load test of the REST API with wrk (Debian package "wrk") against a copy of the built distribution on loopback:
# durable node registrations, heartbeats and task submissions per second, with latency percentiles.
#
#   benchmarks/http/run.sh [derby|postgresql] [seconds per run] [connections]
#
# Needs ./mvnw -B install -DskipTests first. postgresql uses a fresh database "fogbench" on 127.0.0.1:5432.
set -euo pipefail
DB=${1:-derby}
DURATION=${2:-20}
CONNECTIONS=${3:-16}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/http
KARAF=$ROOT/benchmarks/target/http-$DB
PORT=${FOG_BENCH_PORT:-18181}
URL=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }
source "$HERE/runtime.sh"

export FOG_BENCH_DIR=$HERE

run() {
  echo "== $1 ($DB, $CONNECTIONS connections, ${DURATION} s)"
  FOG_PREFIX=$2 wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/$1.lua" "$URL"
}

FOG_PREFIX=warm wrk -t2 -c"$CONNECTIONS" -d5s -s "$HERE/register.lua" "$URL" >/dev/null
run register reg

# 1,000 nodes for the heartbeats, registered in one batch
python3 - "$URL" <<'PY'
import json, sys, urllib.request, os
nodes = [{"id": f"hb-{i}", "type": "EDGE_DEVICE", "region": "eu-west",
          "capacity": {"cpuCores": 4, "memoryMb": 4096, "storageMb": 1000, "gpuCount": 0}} for i in range(1, 1001)]
request = urllib.request.Request(sys.argv[1] + "/api/nodes/batch", data=json.dumps({"nodes": nodes}).encode(),
                                 headers={"Content-Type": "application/json",
                                          "Authorization": "Bearer " + os.environ["FOG_TOKEN"]}, method="POST")
urllib.request.urlopen(request).read()
PY
run heartbeat hb
run submit task
curl -fs "$URL/api/topology" -H "Authorization: Bearer $FOG_TOKEN"; echo
