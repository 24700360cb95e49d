package org.fogcompute.ledger.internal;

import java.time.Clock;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.ledger.LedgerStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ledger as the L0 fog service. It depends on persistence alone (its store); its health check is the ledger's
 * invariant: every balance together is zero, i.e. the accounts hold exactly what the treasury granted.
 */
@Component(service = {Ledger.class, HealthCheck.class}, immediate = true,
        property = {"fog.service.name=ledger", "fog.service.critical=false", "hc.name=Fog ledger", "hc.tags=fog"})
public class LedgerComponent extends DoubleEntryLedger implements HealthCheck {
    /**
     * Touches no database: activation runs on the thread that registered the store, and a database that is down at
     * start would hold every other fog service's activation behind it. The treasury and escrow accounts are opened at
     * the first movement.
     */
    @Activate
    public LedgerComponent(@Reference LedgerStore store) {
        super(store, Clock.systemUTC());
    }

    @Override
    public Result execute() {
        try {
            long granted = totalGranted();
            return balanced()
                    ? new Result(Result.Status.OK, "journal balanced: accounts hold the " + Credits.format(granted)
                    + " credits granted")
                    : new Result(Result.Status.CRITICAL, "journal NOT balanced: balances do not sum to zero");
        } catch (RuntimeException e) {
            return new Result(Result.Status.CRITICAL, "ledger not answering: " + e.getMessage());
        }
    }
}
