# Shared by the load and restart scripts: copies the built distribution to $KARAF with its own ports and a lifted
# rate limit and, with DB=postgresql, points it at a fresh database $PGDB (default fogbench) on 127.0.0.1:5432 with
# the recommended timeouts. Expects ROOT, DB, KARAF and PORT to be set.
PGDB=${PGDB:-fogbench}
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
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB"
  cat > "$KARAF/etc/org.ops4j.datasource-fog.cfg" <<CFG
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
url = jdbc:postgresql://127.0.0.1:5432/$PGDB?user=postgres&socketTimeout=5&connectTimeout=3&loginTimeout=3
dataSourceName = fog
pool = hikari
xa = false
hikari.maximumPoolSize = 10
hikari.connectionTimeout = 2000
hikari.initializationFailTimeout = -1
CFG
fi

# With REDIS_URI set, the cache uses that Redis as its shared level.
if [ -n "${REDIS_URI:-}" ]; then
  printf 'redis.uri = %s\n' "$REDIS_URI" > "$KARAF/etc/org.fogcompute.cache.cfg"
fi
