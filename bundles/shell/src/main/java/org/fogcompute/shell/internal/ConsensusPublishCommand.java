package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.MixnodeDirectory;

@Service
@Command(scope = "fog", name = "consensus-publish", description = "Publish the next epoch's mixnode consensus now "
        + "(the schedule goes on from it)")
public class ConsensusPublishCommand extends FogAction {
    @Reference(optional = true)
    MixnodeDirectory directory;

    @Override
    protected Object run() {
        Consensus consensus = directory.publish();
        System.out.println("Consensus epoch " + consensus.epoch() + " published: " + consensus.mixnodes().size()
                + " mixnode(s), valid until " + consensus.validUntil());
        return null;
    }
}
