package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.ledger.Ledger;

@Service
@Command(scope = "fog", name = "ledger-accounts", description = "Ledger accounts and balances, the total granted, "
        + "and whether the journal balances")
public class LedgerAccountsCommand extends FogAction {
    @Reference(optional = true)
    Ledger ledger;

    @Option(name = "--offset", description = "Accounts to skip")
    int offset;

    @Option(name = "--limit", description = "Accounts to show (1..1000)")
    int limit = 100;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Tables.accounts(ledger.accounts(offset, limit), System.out, !noFormat);
        System.out.println("Granted in all: " + org.fogcompute.api.ledger.Credits.format(ledger.totalGranted())
                + " credits; journal " + (ledger.balanced() ? "balanced" : "NOT BALANCED"));
        return null;
    }
}
