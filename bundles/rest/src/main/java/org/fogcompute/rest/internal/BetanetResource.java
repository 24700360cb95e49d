package org.fogcompute.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.MixnodeDirectory;

/**
 * /api/betanet: the mixnode consensus, signed with the coordinator's Ed25519 key. Viewers and every node read it (nodes
 * verify it with the key published here and build their mixnet routes from it); admins see why a mixnode is left out
 * and may publish the next epoch at once.
 */
final class BetanetResource {
    private final Supplier<MixnodeDirectory> directory;

    BetanetResource(Supplier<MixnodeDirectory> directory) {
        this.directory = directory;
    }

    /** The key that signs consensus documents: 32 raw bytes, base64url without padding; Ed25519. */
    record SigningKey(String algorithm, String publicKey) {
    }

    void register(Router router) {
        router.get("/betanet/consensus", Access.VIEWER_OR_ANY_NODE, "Read the mixnode consensus in force", this::consensus)
                .tag("betanet").returns(Consensus.class).errors(404);
        router.get("/betanet/signing-key", Access.VIEWER_OR_ANY_NODE, "Read the public key that signs consensus "
                + "documents", this::key).tag("betanet").returns(SigningKey.class);
        router.get("/betanet/mixnodes", Access.ADMIN, "List the fleet's mixnodes, listed or left out and why", this::candidates).tag("betanet").returns(MixnodeDirectory.Candidate.class);
        router.post("/betanet/consensus", Access.ADMIN, "Publish the next epoch's consensus now", this::publish)
                .tag("betanet").returns(Consensus.class).status(201);
    }

    private MixnodeDirectory directory() {
        return Services.require(directory, "the mixnode directory");
    }

    private Object consensus(Call call) {
        call.allowQuery(Set.of());
        return directory().consensus().orElseThrow(() -> new NotFoundException("no consensus published yet"));
    }

    private Object key(Call call) {
        call.allowQuery(Set.of());
        return new SigningKey("Ed25519", directory().signingKey());
    }

    private Object candidates(Call call) {
        call.allowQuery(Set.of());
        List<MixnodeDirectory.Candidate> candidates = directory().candidates();
        return candidates;
    }

    private Object publish(Call call) {
        call.allowQuery(Set.of());
        return new Route.Reply(201, directory().publish());
    }
}
