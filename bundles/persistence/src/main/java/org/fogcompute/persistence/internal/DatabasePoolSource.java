package org.fogcompute.persistence.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.fogcompute.api.pools.PoolSource;
import org.fogcompute.api.pools.PoolStats;
import org.osgi.service.component.annotations.Component;

/**
 * The database connection pools as HikariCP counts them, read from its pool MXBeans ({@code hikari.registerMbeans =
 * true} in {@code etc/org.ops4j.datasource-fog.cfg}): no compile-time tie to Hikari, and a pool pax-jdbc-config
 * recreates after a configuration change is found again on the next look. HikariCP counts no connection creations or
 * borrows without a metrics tracker, which pax-jdbc-config cannot configure: those figures are n/a.
 */
@Component(service = PoolSource.class)
public class DatabasePoolSource implements PoolSource {
    private static final String OWNER = "org.fogcompute.persistence";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Override
    public List<PoolStats> pools() {
        List<PoolStats> pools = new ArrayList<>();
        Set<ObjectName> names;
        try {
            names = server.queryNames(new ObjectName("com.zaxxer.hikari:type=Pool (*)"), null);
        } catch (JMException impossible) {
            return pools;
        }
        for (ObjectName name : names) {
            String type = name.getKeyProperty("type");
            String poolName = type.substring("Pool (".length(), type.length() - 1);
            try {
                long total = number(name, "TotalConnections");
                long max = number(new ObjectName("com.zaxxer.hikari:type=PoolConfig (" + poolName + ")"),
                        "MaximumPoolSize");
                pools.add(new PoolStats("database/" + poolName, "connections", OWNER, total, max,
                        number(name, "ActiveConnections"), number(name, "IdleConnections"),
                        number(name, "ThreadsAwaitingConnection"), -1, -1,
                        "HikariCP; waiting callers give up after hikari.connectionTimeout"));
            } catch (JMException | RuntimeException gone) {
                // closed between the query and the read (pax-jdbc-config recreating it): not a pool any more
            }
        }
        return pools;
    }

    private long number(ObjectName name, String attribute) throws JMException {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
