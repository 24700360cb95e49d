#!/usr/bin/env bash
# Cold start of a fresh distribution until every fog service is active and the API answers, then the time from a
# restart request until the service and all its dependents are active again (20 restarts of each service named).
#
#   benchmarks/http/orchestration.sh [service ...]      (default: routing persistence cache)
#
# Needs ./mvnw -B install -DskipTests first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/http
DB=derby
KARAF=$ROOT/benchmarks/target/orchestration
PORT=${FOG_BENCH_PORT:-18281}
URL=http://127.0.0.1:$PORT
SERVICES=${*:-routing persistence cache}

source "$HERE/runtime.sh"

# all fog services ACTIVE or SATISFIED
for _ in $(seq 1 600); do
  if curl -fs "$URL/api/services" -H "Authorization: Bearer $FOG_TOKEN" | python3 -c '
import json, sys
services = json.load(sys.stdin)
sys.exit(0 if services and all(s["state"] in ("ACTIVE", "SATISFIED") for s in services) else 1)'; then
    break
  fi
  sleep 0.05
done
READY_AT=$(date +%s%N)
echo "cold start to every fog service active and the API answering: $(( (READY_AT - STARTED_AT) / 1000000 )) ms"
grep -o 'Fog coordinator restored[^|]*' "$KARAF/data/log/karaf.log" | head -1 || true

for service in $SERVICES; do
  python3 - "$URL" "$service" <<'PY'
import json, os, statistics, sys, urllib.request
url, service = sys.argv[1], sys.argv[2]
took = []
back = 0
for _ in range(20):
    request = urllib.request.Request(f"{url}/api/services/restart/{service}", method="POST",
                                     headers={"Authorization": "Bearer " + os.environ["FOG_TOKEN"]})
    answer = json.load(urllib.request.urlopen(request))
    took.append(answer["tookMillis"])
    back += answer["dependentsBack"]
print(f"restart {service}: median {statistics.median(took):.0f} ms, max {max(took)} ms, "
      f"dependents back {back}/20")
PY
done

# graceful shutdown of the whole runtime: bin/stop until the JVM is gone
STOP_FROM=$(date +%s%N)
"$KARAF/bin/stop" >/dev/null 2>&1 || true
for _ in $(seq 1 600); do
  if ! kill -0 "$KARAF_PID" 2>/dev/null; then break; fi
  sleep 0.05
done
echo "graceful shutdown (bin/stop until the process exited): $(( ($(date +%s%N) - STOP_FROM) / 1000000 )) ms"
