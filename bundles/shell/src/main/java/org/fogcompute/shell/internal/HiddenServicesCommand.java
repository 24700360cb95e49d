package org.fogcompute.shell.internal;

import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.privacy.HiddenService;
import org.fogcompute.api.privacy.HiddenServices;

@Service
@Command(scope = "fog", name = "hidden-services", description = "Hidden services, newest first: owner, onion "
        + "address, introduction points, how often they were re-chosen (admins: who runs which service is private)")
public class HiddenServicesCommand extends FogAction {
    @Reference(optional = true)
    HiddenServices services;

    @Option(name = "--owner", description = "Only this owner's services")
    String owner;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable().emptyTableText("No hidden service (operators register them with POST "
                + "/api/vpn/hidden-services)");
        table.column("SERVICE");
        table.column("OWNER");
        table.column("ONION ADDRESS");
        table.column("INTRODUCTION POINTS");
        table.column("RE-CHOSEN").alignRight();
        for (HiddenService service : services.services(owner, 0, 1000)) {
            table.addRow().addContent(service.id(), service.owner(), service.onionAddress(),
                    service.introductionPoints().stream().map(p -> p.nodeId() + " (" + p.region() + ")")
                            .collect(Collectors.joining(", ")), service.generation());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
