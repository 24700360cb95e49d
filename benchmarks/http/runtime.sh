# Shared by the load scripts: copies the built distribution to $KARAF with its own ports and a lifted rate
# limit, optionally points it at PostgreSQL, starts it with bin/karaf server, stops it on exit, and exports
# FOG_TOKEN (an admin bearer token). Expects ROOT, DB, KARAF and PORT to be set.
if [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi

if curl -fs "$URL/api/health" >/dev/null 2>&1; then
  echo "port $PORT is taken by another runtime; stop it or set FOG_BENCH_PORT"; exit 1
fi
rm -rf "$KARAF"
cp -r "$ROOT/karaf-assembly/target/assembly" "$KARAF"
sed -i "s/^org.osgi.service.http.port.*/org.osgi.service.http.port = $PORT/" "$KARAF/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort.*/sshPort = $((PORT + 1))/" "$KARAF/etc/org.apache.karaf.shell.cfg"
printf 'rmiRegistryPort = %s\nrmiServerPort = %s\n' $((PORT + 2)) $((PORT + 3)) >> "$KARAF/etc/org.apache.karaf.management.cfg"
# One admin token drives the whole load: lift the per-client limit (50/s by default) out of the way.
cat > "$KARAF/etc/org.fogcompute.rest.cfg" <<CFG
max.body.bytes = 1048576
max.batch.size = 1000
rate.requests.per.second = 100000000
rate.burst = 100000000
rate.anonymous.requests.per.second = 100
rate.anonymous.burst = 100
CFG
if [ "$DB" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c 'DROP DATABASE IF EXISTS fogbench' -c 'CREATE DATABASE fogbench'
  cat > "$KARAF/etc/org.ops4j.datasource-fog.cfg" <<CFG
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
url = jdbc:postgresql://127.0.0.1:5432/fogbench?user=postgres&socketTimeout=5&connectTimeout=3&loginTimeout=3
dataSourceName = fog
pool = hikari
xa = false
hikari.maximumPoolSize = 10
hikari.connectionTimeout = 2000
hikari.initializationFailTimeout = -1
CFG
fi

export FOG_ADMIN_PASSWORD=bench-admin-password
export EXTRA_JAVA_OPTS="-Xms1g -Xmx2g"
STARTED_AT=$(date +%s%N)
"$KARAF/bin/karaf" server > "$KARAF/console.log" 2>&1 &
KARAF_PID=$!
# bin/karaf is a script whose JVM is a child: stop through Karaf, then make sure nothing of this copy is left
trap '"$KARAF/bin/stop" >/dev/null 2>&1 || true; wait $KARAF_PID 2>/dev/null || true; pkill -9 -f "$KARAF/" || true' EXIT
for _ in $(seq 1 1200); do
  if curl -fs "$URL/api/health" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -fs "$URL/api/health" >/dev/null || { echo "the API did not come up; see $KARAF/console.log"; exit 1; }

export FOG_TOKEN=$(curl -fs -X POST "$URL/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$FOG_ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
