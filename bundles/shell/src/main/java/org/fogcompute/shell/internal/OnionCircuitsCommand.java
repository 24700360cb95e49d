package org.fogcompute.shell.internal;

import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.CircuitPlanner;

@Service
@Command(scope = "fog", name = "onion-circuits", description = "Open onion circuits, newest first: client, level, "
        + "hops, expiry, rebuilds (admins: who uses which path is private)")
public class OnionCircuitsCommand extends FogAction {
    @Reference(optional = true)
    CircuitPlanner planner;

    @Option(name = "--client", description = "Only this client's circuits")
    String client;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable().emptyTableText("No open circuit (plan one with fog:circuit-plan)");
        table.column("CIRCUIT");
        table.column("CLIENT");
        table.column("TASK");
        table.column("LEVEL");
        table.column("HOPS");
        table.column("EXPIRES");
        table.column("REBUILDS").alignRight();
        for (Circuit circuit : planner.circuits(client, 0, 1000)) {
            table.addRow().addContent(circuit.id(), circuit.client(), circuit.taskId() == null ? "-" : circuit.taskId(),
                    circuit.level(), circuit.hops().stream()
                    .map(CircuitHop::nodeId).collect(Collectors.joining(" > ")), circuit.expiresAt(),
                    circuit.generation());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
