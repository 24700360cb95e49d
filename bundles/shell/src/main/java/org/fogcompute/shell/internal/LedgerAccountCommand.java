package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.Ledger;

@Service
@Command(scope = "fog", name = "ledger-account", description = "An account's balance and its journal, newest first")
public class LedgerAccountCommand extends FogAction {
    @Reference(optional = true)
    Ledger ledger;

    @Argument(index = 0, name = "account", description = "Account id", required = true)
    String id;

    @Option(name = "--limit", description = "Journal entries to show (1..1000)")
    int limit = 20;

    @Override
    protected Object run() {
        Account account = ledger.account(id).orElseThrow(() -> new NotFoundException("account '" + id
                + "' is not open"));
        System.out.println(account.id() + " (" + account.kind() + "): " + Credits.format(account.balance())
                + " credits");
        Tables.journal(ledger.journal(id, 0, limit), id, System.out);
        return null;
    }
}
