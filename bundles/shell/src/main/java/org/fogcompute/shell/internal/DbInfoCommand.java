package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.store.FleetStore;

@Service
@Command(scope = "fog", name = "db-info",
        description = "Shows the coordinator's database: product, URL (no password), schema version, row counts")
public class DbInfoCommand extends FogAction {
    @Reference(optional = true)
    FleetStore store;

    @Override
    protected Object run() {
        Tables.storeInfo(store.info(), System.out);
        return null;
    }
}
