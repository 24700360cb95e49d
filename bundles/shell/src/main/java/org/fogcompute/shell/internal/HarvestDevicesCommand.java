package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.edge.HarvestPolicy;

@Service
@Command(scope = "fog", name = "harvest-devices", description = "Devices that opted in to idle-compute harvest (label "
        + "harvest=true, not servers): whether each may be used now and why not, its session and cooldown")
public class HarvestDevicesCommand extends FogAction {
    @Reference(optional = true)
    HarvestPolicy harvest;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable().emptyTableText("No device has opted in (node label harvest=true)");
        table.column("NODE");
        table.column("ELIGIBLE");
        table.column("SESSION SINCE");
        table.column("COOLING UNTIL");
        table.column("REASON");
        for (HarvestPolicy.Device device : harvest.devices()) {
            table.addRow().addContent(device.nodeId(), device.eligible() ? "yes" : "no",
                    device.sessionStart() == null ? "-" : device.sessionStart(),
                    device.coolingUntil() == null ? "-" : device.coolingUntil(),
                    device.reason() == null ? "" : device.reason());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
