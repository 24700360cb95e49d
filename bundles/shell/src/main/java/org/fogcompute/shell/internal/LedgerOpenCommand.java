package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.Ledger;

@Service
@Command(scope = "fog", name = "ledger-open", description = "Opens a ledger account for a node operator or a submitter")
public class LedgerOpenCommand extends FogAction {
    @Reference(optional = true)
    Ledger ledger;

    @Argument(index = 0, name = "account", description = "Account id", required = true)
    String id;

    @Argument(index = 1, name = "kind", description = "OPERATOR or SUBMITTER", required = true)
    String kind;

    @Override
    protected Object run() {
        Account account = ledger.open(id, Values.enumValue(AccountKind.class, "kind", kind));
        System.out.println("Account " + account.id() + " (" + account.kind() + ") is open");
        return null;
    }
}
