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

ready_lines() {
  cat "$KARAF"/data/log/karaf.log* 2>/dev/null | grep -c "fog-compute ready" || true
}

start() {
  local t0 lines
  lines=$(ready_lines)
  t0=$(date +%s%N)
  "$KARAF/bin/karaf" server > "$KARAF/console-$1.log" 2>&1 &
  for _ in $(seq 1 1800); do
    if [ "$(ready_lines)" -gt "$lines" ]; then
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
  frozen=()
  for w in 1 2 3 4; do
    ( for i in $(seq 1 3); do
        curl -s -o "$KARAF/frozen-$w-$i.body" -w "%{http_code} %{time_total}\n" -m 30 -X POST "$URL/api/nodes" \
          -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
          -d "{\"id\":\"frozen-$w-$i\",\"type\":\"EDGE_DEVICE\",\"capacity\":{\"cpuCores\":2,\"memoryMb\":1024,\"storageMb\":0,\"gpuCount\":0}}" >> "$OUT"
      done ) &
    frozen+=($!)
  done
  sleep 0.2
  pkill -STOP -x postgres; sleep 12; pkill -CONT -x postgres
  thawed=$(date +%s%N)
  wait "${frozen[@]}"
  echo "writes during a 12 s freeze (status, seconds):"; sort "$OUT" | uniq -c
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/health")" = 200 ]; then break; fi
    sleep 0.1
  done
  echo "healthy again $(( ($(date +%s%N) - thawed) / 1000000 )) ms after PostgreSQL was thawed"
  # a 503 that does not say the outcome is unknown must mean "not applied"
  TOKEN=$(token); contradicted=0; unknown=0
  for body in "$KARAF"/frozen-*.body; do
    id=$(basename "$body" .body)
    if grep -q '"error"' "$body"; then
      if grep -q "may have been applied" "$body"; then unknown=$((unknown + 1)); continue; fi
      code=$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/nodes/$id" -H "Authorization: Bearer $TOKEN")
      if [ "$code" = 200 ]; then contradicted=$((contradicted + 1)); echo "503 but applied: $id"; fi
    fi
  done
  echo "refused writes found applied afterwards: $contradicted; answered 'outcome unknown': $unknown"

fi
