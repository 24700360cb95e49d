package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.resources.MemoryPressure;

@Service
@Command(scope = "fog", name = "memory", description = "Memory pressure: the level (LOW, MEDIUM, HIGH, CRITICAL), "
        + "the old generation's usage after collections, and what the level sheds")
public class MemoryCommand extends FogAction {
    @Reference(optional = true)
    MemoryPressure pressure;

    @Override
    protected Object run() {
        MemoryPressure.Reading reading = pressure.reading();
        System.out.printf("Memory pressure %s: %.1f %% of '%s' in use after collections (%d of %d MB)%n",
                reading.level(), reading.usedPercent(), reading.pool(), reading.usedAfterGcBytes() / 1_048_576,
                reading.maxBytes() / 1_048_576);
        System.out.println(switch (reading.level()) {
            case HIGH -> "Memory caches shrunk; registration batches over " + pressure.batchLimitUnderPressure()
                    + " refused.";
            case CRITICAL -> "New registrations and submissions refused; heartbeats and reads go on.";
            default -> "Nothing shed.";
        });
        return null;
    }
}
