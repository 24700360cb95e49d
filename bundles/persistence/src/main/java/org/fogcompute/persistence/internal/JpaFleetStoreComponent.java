package org.fogcompute.persistence.internal;

import javax.sql.DataSource;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.api.store.StoreUnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in OSGi: the {@code fog} persistence unit (Aries JPA, EclipseLink) over the {@code fog} DataSource that
 * pax-jdbc-config registers from {@code etc/org.ops4j.datasource-fog.cfg} (embedded Derby by default, PostgreSQL by
 * editing that file).
 */
@Component(property = {"fog.service.name=persistence", "fog.service.critical=true", "hc.name=Fog database",
    "hc.tags=fog"}, service = {FleetStore.class, HealthCheck.class}, immediate = true)
public class JpaFleetStoreComponent extends JpaFleetStore implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(JpaFleetStoreComponent.class);

    @Activate
    public JpaFleetStoreComponent(@Reference(target = "(osgi.unit.name=fog)") JpaTemplate jpa,
                                  @Reference(target = "(osgi.jndi.service.name=fog)") DataSource dataSource) {
        // Aries' resource-local template takes only Required, also for reads
        super(new Transactions() {
            @Override
            public <R> R inTransaction(java.util.function.Function<javax.persistence.EntityManager, R> work) {
                return jpa.txExpr(TransactionType.Required, work::apply);
            }
        }, dataSource);
        try {
            LOG.info("Fog database schema at version {}", ensureSchema());
        } catch (StoreUnavailableException e) {
            LOG.warn("Fog database not reachable yet ({}); the schema is migrated when it is", e.getMessage());
        }
    }

    /** Health for Felix Health Checks: the database answers a query (row counts) within the check's time limit. */
    @Override
    public Result execute() {
        try {
            FleetStore.StoreInfo info = info();
            return new Result(Result.Status.OK, info.product() + " answers, schema version " + info.schemaVersion()
                    + ", " + info.nodes() + " nodes");
        } catch (RuntimeException e) {
            return new Result(Result.Status.CRITICAL, "database not answering: " + e.getMessage());
        }
    }
}
