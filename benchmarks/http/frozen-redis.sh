#!/usr/bin/env bash
# GET /api/topology with Redis as the cache's shared level, while a writer keeps invalidating the cached topology
# (so reads miss and go to Redis): once with Redis answering, once with it frozen (SIGSTOP). A frozen Redis must
# cost one timeout, not one per miss.
#
#   benchmarks/http/frozen-redis.sh [seconds per run] [connections]
#
# Needs ./mvnw -B install -DskipTests first, wrk and redis-server. Starts a private redis-server on port 16390.
set -euo pipefail
DURATION=${1:-10}
CONNECTIONS=${2:-4}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/http
DB=derby
KARAF=$ROOT/benchmarks/target/frozen-redis
PORT=${FOG_BENCH_PORT:-18381}
URL=http://127.0.0.1:$PORT
REDIS_PORT=16390
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }

redis-server --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize no > /dev/null &
REDIS_PID=$!
export REDIS_URI=redis://127.0.0.1:$REDIS_PORT
source "$HERE/runtime.sh"
trap 'kill -CONT $REDIS_PID 2>/dev/null; kill $REDIS_PID 2>/dev/null; "$KARAF/bin/stop" >/dev/null 2>&1 || true; wait $KARAF_PID 2>/dev/null || true; pkill -9 -f "$KARAF/" || true' EXIT

for i in $(seq 1 100); do
  curl -fs -o /dev/null -X POST "$URL/api/nodes" -H "Authorization: Bearer $FOG_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"id\":\"base-$i\",\"type\":\"EDGE_DEVICE\",\"capacity\":{\"cpuCores\":2,\"memoryMb\":1024,\"storageMb\":0,\"gpuCount\":0}}"
done

# a registration every 50 ms invalidates the cached topology
churn() {
  local i=0
  while true; do
    i=$((i + 1))
    curl -s -o /dev/null -X POST "$URL/api/nodes" -H "Authorization: Bearer $FOG_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"id\":\"churn-$1-$i\",\"type\":\"EDGE_DEVICE\",\"capacity\":{\"cpuCores\":2,\"memoryMb\":1024,\"storageMb\":0,\"gpuCount\":0}}"
    sleep 0.05
  done
}

measure() {
  churn "$1" & local churner=$!
  echo "== GET /api/topology, Redis $1"
  wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --latency -H "Authorization: Bearer $FOG_TOKEN" "$URL/api/topology" \
    | grep -E "Latency|50%|99%|Requests/sec"
  kill $churner 2>/dev/null || true
}

measure answering
kill -STOP $REDIS_PID
measure frozen
kill -CONT $REDIS_PID
