package org.fogcompute.shell.internal;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.Ledger;

@Service
@Command(scope = "fog", name = "ledger-grant", description = "Grants credits to an account out of the treasury "
        + "(journaled as a grant)")
public class LedgerGrantCommand extends FogAction {
    @Reference(optional = true)
    Ledger ledger;

    @Argument(index = 0, name = "account", description = "Account id", required = true)
    String account;

    @Argument(index = 1, name = "credits", description = "Credits to grant (up to 6 decimals)", required = true)
    String credits;

    @Option(name = "--memo", description = "Why, for the journal")
    String memo;

    @Option(name = "--key", description = "Idempotency key: a grant repeated with the same key is made once")
    String key;

    @Override
    protected Object run() {
        long micros;
        try {
            micros = new java.math.BigDecimal(credits).movePointRight(6).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ValidationException("credits", "credits must be a number with at most 6 decimals, got '"
                    + credits + "'");
        }
        JournalEntry entry = ledger.grant(key == null ? "grant:" + UUID.randomUUID() : key, account, micros, memo);
        System.out.println("Granted " + Credits.format(micros) + " credits to " + account + " (entry " + entry.key()
                + ")");
        return null;
    }
}
