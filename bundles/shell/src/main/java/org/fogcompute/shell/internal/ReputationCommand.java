package org.fogcompute.shell.internal;

import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.ledger.Reputation;

@Service
@Command(scope = "fog", name = "reputation", description = "Node reputation from task outcomes: points 0..200 (100 at "
        + "the start), score, successes, failures, times lost holding a task")
public class ReputationCommand extends FogAction {
    @Reference(optional = true)
    Reputation reputation;

    @Argument(index = 0, name = "node", description = "One node (else every node with outcomes)")
    String nodeId;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        List<NodeReputation> rows = nodeId == null ? reputation.all(0, 1000) : List.of(reputation.of(nodeId));
        ShellTable table = new ShellTable().emptyTableText("No node has an outcome yet");
        table.column("NODE");
        table.column("POINTS").alignRight();
        table.column("SCORE").alignRight();
        table.column("SUCCESSES").alignRight();
        table.column("FAILURES").alignRight();
        table.column("LOST").alignRight();
        for (NodeReputation r : rows) {
            table.addRow().addContent(r.nodeId(), String.format(Locale.ROOT, "%.1f", r.points()),
                    String.format(Locale.ROOT, "%.3f", r.score()), r.successes(), r.failures(), r.lost());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
