package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.resources.ResourceAlert;
import org.fogcompute.api.resources.ResourceMonitor;

@Service
@Command(scope = "fog", name = "alerts", description = "Resource alerts raised recently, newest first: active ones "
        + "and when the others cleared")
public class AlertsCommand extends FogAction {
    @Reference(optional = true)
    ResourceMonitor monitor;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable().emptyTableText("No resource alert since the start");
        table.column("RESOURCE");
        table.column("SEVERITY");
        table.column("VALUE").alignRight();
        table.column("THRESHOLD").alignRight();
        table.column("RAISED");
        table.column("CLEARED");
        for (ResourceAlert a : monitor.recentAlerts(50)) {
            table.addRow().addContent(a.resource(), a.severity(), String.format(java.util.Locale.ROOT, "%.1f",
                    a.value()), String.format(java.util.Locale.ROOT, "%.0f", a.threshold()), a.raisedAt(),
                    a.active() ? "active" : a.clearedAt());
        }
        table.print(System.out);
        return null;
    }
}
