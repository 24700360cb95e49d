package org.fogcompute.shell.internal;

import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.resources.ResourceMonitor;
import org.fogcompute.api.resources.ResourceSample;

@Service
@Command(scope = "fog", name = "monitor", description = "The host's and the runtime's resources now: cpu, memory, "
        + "disk, network with their trends, active alerts and recommendations")
public class MonitorCommand extends FogAction {
    @Reference(optional = true)
    ResourceMonitor monitor;

    @Override
    protected Object run() {
        ResourceSample latest = monitor.latest().orElse(null);
        if (latest == null) {
            System.out.println("No sample yet");
            return null;
        }
        Map<ResourceSample.Resource, ResourceMonitor.Trend> trends = monitor.trends();
        ShellTable table = new ShellTable();
        table.column("RESOURCE");
        table.column("NOW").alignRight();
        table.column("TREND");
        for (ResourceSample.Resource resource : ResourceSample.Resource.values()) {
            double value = latest.value(resource);
            table.addRow().addContent(resource, figure(value, " %"), trends.get(resource));
        }
        table.print(System.out);
        System.out.println("Runtime: " + figure(latest.processCpuPercent(), " %") + " of the host's cpus, heap "
                + figure(latest.heapPercent(), " %") + " used; network " + figure(latest.networkMbps(), " Mbps"));
        monitor.activeAlerts().forEach(a -> System.out.printf(Locale.ROOT, "ALERT %s %s: %.1f %% (threshold %.0f "
                + "%%) since %s%n", a.severity(), a.resource(), a.value(), a.threshold(), a.raisedAt()));
        monitor.recommendations().forEach(r -> System.out.println("Recommended: " + r.action() + " (" + r.reason()
                + ")"));
        return null;
    }

    /** A sampled figure, or n/a where the platform cannot say or no rate exists yet (the first sample). */
    private static String figure(double value, String unit) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value) + unit;
    }
}
