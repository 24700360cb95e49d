# Shared by the load scripts: copies the built distribution to $KARAF with its own ports and a lifted rate
# limit, optionally points it at PostgreSQL, starts it with bin/karaf server, stops it on exit, and exports
# FOG_TOKEN (an admin bearer token). Expects ROOT, DB, KARAF and PORT to be set.
if [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi

if curl -fs "$URL/api/health" >/dev/null 2>&1; then
  echo "port $PORT is taken by another runtime; stop it or set FOG_BENCH_PORT"; exit 1
fi
source "$(dirname "${BASH_SOURCE[0]}")/copy.sh"
# a script may change the copy's configuration before it starts
if [ -n "${FOG_BENCH_CONFIGURE:-}" ]; then eval "$FOG_BENCH_CONFIGURE"; fi

export FOG_ADMIN_PASSWORD=bench-admin-password
export EXTRA_JAVA_OPTS="-Xms1g -Xmx2g"
STARTED_AT=$(date +%s%N)
"$KARAF/bin/karaf" server > "$KARAF/console.log" 2>&1 &
KARAF_PID=$!
# bin/karaf is a script whose JVM is a child: stop through Karaf, then make sure nothing of this copy is left
trap '"$KARAF/bin/stop" >/dev/null 2>&1 || true; wait $KARAF_PID 2>/dev/null || true; pkill -9 -f "$KARAF/" || true' EXIT
# the ready line, not /api/health: health answers before logins work (the user realm comes later on a busy machine)
for _ in $(seq 1 1200); do
  if grep -q "fog-compute ready" "$KARAF/console.log" 2>/dev/null; then break; fi
  sleep 0.1
done
grep -q "fog-compute ready" "$KARAF/console.log" || { echo "the runtime did not come up; see $KARAF/console.log"; exit 1; }

export FOG_TOKEN=$(curl -fs -X POST "$URL/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$FOG_ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
