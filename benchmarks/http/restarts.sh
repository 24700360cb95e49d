#!/usr/bin/env bash
# Restarts under load: a fresh start, then RUNS times "writes in flight, kill -9, start again", with another process
# keeping one core busy the whole time. Reports the time from launch to the ready line for each start, and checks
# that every registration answered 201 before a kill is there after the restart (acknowledged writes lost).
# With DB=postgresql and FREEZE=1, it then freezes PostgreSQL (SIGSTOP) for 12 s under writes and reports how long
# the writes took to answer and with which status.
# Usage: benchmarks/http/restarts.sh derby|postgresql [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB=${1:-derby}
RUNS=${2:-5}
PORT=${FOG_BENCH_PORT:-18381}
KARAF=${FOG_BENCH_DIR:-/tmp/fog-restarts}
URL="http://127.0.0.1:$PORT"
if [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64; fi
export FOG_ADMIN_PASSWORD=restart-admin-password

PGDB=fogrestarts
source "$ROOT/benchmarks/http/copy.sh"

# the other core stays busy for the whole run
python3 -c 'while True: pass' &
HOG=$!
trap 'kill $HOG 2>/dev/null || true; pkill -9 -f "$KARAF/" || true' EXIT
ACKED="$KARAF/acknowledged.txt"
: > "$ACKED"

start() {
  local t0 lines
  lines=$(grep -c "fog-compute ready" "$KARAF/data/log/karaf.log" 2>/dev/null || true)
  t0=$(date +%s%N)
  "$KARAF/bin/karaf" server > "$KARAF/console-$1.log" 2>&1 &
  for _ in $(seq 1 1800); do
    if [ "$(grep -c "fog-compute ready" "$KARAF/data/log/karaf.log" 2>/dev/null || true)" -gt "${lines:-0}" ]; then
      echo "$1: ready after $(( ($(date +%s%N) - t0) / 1000000 )) ms"; return 0
    fi
    sleep 0.1
  done
  echo "$1: NOT READY after 180 s"; return 1
}

token() {
  curl -fs -X POST "$URL/api/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$FOG_ADMIN_PASSWORD\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# registers nodes one after another until killed; records the ids that answered 201
writer() {
  local tok=$1 prefix=$2 i=0 code
  while true; do
    i=$((i + 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 15 -X POST "$URL/api/nodes" -H "Authorization: Bearer $tok" \
      -H 'Content-Type: application/json' \
      -d "{\"id\":\"$prefix-$i\",\"type\":\"EDGE_DEVICE\",\"capacity\":{\"cpuCores\":2,\"memoryMb\":1024,\"storageMb\":0,\"gpuCount\":0}}" || true)
    if [ "$code" = 201 ]; then echo "$prefix-$i" >> "$ACKED"; fi
  done
}

start fresh
for run in $(seq 1 "$RUNS"); do
  TOKEN=$(token)
  pids=()
  for w in 1 2 3 4; do writer "$TOKEN" "r$run-w$w" & pids+=($!); done
  sleep 4
  pkill -9 -f "$KARAF/" || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
  start "after kill -9 #$run"
done

TOKEN=$(token)
lost=0
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/nodes/$id" -H "Authorization: Bearer $TOKEN")
  if [ "$code" != 200 ]; then lost=$((lost + 1)); echo "lost: $id ($code)"; fi
done < "$ACKED"
echo "acknowledged registrations: $(wc -l < "$ACKED"), lost after the restarts: $lost"

if [ "$DB" = postgresql ] && [ "${FREEZE:-0}" = 1 ]; then
  OUT="$KARAF/frozen.txt"; : > "$OUT"
  for w in 1 2 3 4; do
    ( for i in $(seq 1 3); do
        curl -s -o /dev/null -w "%{http_code} %{time_total}\n" -m 30 -X POST "$URL/api/nodes" \
          -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
          -d "{\"id\":\"frozen-$w-$i\",\"type\":\"EDGE_DEVICE\",\"capacity\":{\"cpuCores\":2,\"memoryMb\":1024,\"storageMb\":0,\"gpuCount\":0}}" >> "$OUT"
      done ) &
  done
  sleep 0.2
  pkill -STOP -x postgres; sleep 12; pkill -CONT -x postgres
  wait
  echo "writes during a 12 s freeze (status, seconds):"; sort "$OUT" | uniq -c
fi
