package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.betanet.MixnodeDirectory;

@Service
@Command(scope = "fog", name = "mixnodes", description = "The mixnode consensus in force: epoch, validity, each "
        + "mixnode's address, version, region, stake and weight; --all also lists the mixnodes left out and why")
public class MixnodesCommand extends FogAction {
    @Reference(optional = true)
    MixnodeDirectory directory;

    @Option(name = "--all", description = "Every MIXNODE node of the fleet now: listed in the next consensus, or why not")
    boolean all;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        if (all) {
            ShellTable table = new ShellTable().emptyTableText("No MIXNODE node in the fleet");
            table.column("NODE");
            table.column("REGION");
            table.column("WEIGHT").alignRight();
            table.column("LEFT OUT BECAUSE");
            for (MixnodeDirectory.Candidate candidate : directory.candidates()) {
                table.addRow().addContent(candidate.nodeId(), candidate.region(), candidate.mixnode() == null ? "-"
                        : Consensus.decimal(candidate.mixnode().weight()), candidate.excludedBecause() == null ? "-"
                        : candidate.excludedBecause());
            }
            table.print(System.out, !noFormat);
            return null;
        }
        Consensus consensus = directory.consensus().orElse(null);
        if (consensus == null) {
            System.out.println("No consensus published yet (fog:mixnodes --all shows the fleet's mixnodes)");
            return null;
        }
        System.out.println("Epoch " + consensus.epoch() + ", valid " + consensus.validAfter() + " .. "
                + consensus.validUntil() + ", signed by Ed25519 key " + consensus.signingKey());
        ShellTable table = new ShellTable().emptyTableText("No mixnode listed (fog:mixnodes --all says why)");
        table.column("NODE");
        table.column("ADDRESS");
        table.column("VERSION");
        table.column("REGION");
        table.column("STAKE").alignRight();
        table.column("REPUTATION").alignRight();
        table.column("PERFORMANCE").alignRight();
        table.column("WEIGHT").alignRight();
        for (Mixnode m : consensus.mixnodes()) {
            table.addRow().addContent(m.nodeId(), m.address(), m.version(), m.region(), m.stake(),
                    Consensus.decimal(m.reputation()), Consensus.decimal(m.performance()), Consensus.decimal(m.weight()));
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
