package org.fogcompute.shell.internal;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.CircuitPlanner;

@Service
@Command(scope = "fog", name = "circuit-plan", description = "Plan an onion circuit for the shell's user over the "
        + "fleet's onion-capable nodes: a guard, middles and an exit in distinct regions and of distinct operators")
public class CircuitPlanCommand extends FogAction {
    @Reference(optional = true)
    CircuitPlanner planner;

    @Option(name = "-l", aliases = "--level", description = "PRIVATE (3 hops) or CONFIDENTIAL (5 hops)")
    String level = "PRIVATE";

    @Option(name = "--min-reputation", description = "Least reputation (0..1) of every hop")
    double minReputation;

    @Override
    protected Object run() {
        PrivacyLevel privacy;
        try {
            privacy = PrivacyLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("level", "level must be PRIVATE or CONFIDENTIAL, not '" + level + "'");
        }
        String user = ShellUtil.getCurrentUserName();
        Circuit circuit = planner.plan(user == null ? "karaf" : user, privacy, minReputation);
        System.out.println("Circuit " + circuit.id() + " for " + circuit.client() + " (" + circuit.level() + ", "
                + circuit.hops().size() + " hops), until " + circuit.expiresAt());
        for (CircuitHop hop : circuit.hops()) {
            System.out.printf("  %-6s %-24s region %-16s operator %s%n", hop.role(), hop.nodeId(), hop.region(),
                    hop.operator());
        }
        return null;
    }
}
