package org.fogcompute.api.betanet;

/**
 * A mixnode as a consensus lists it: where to reach it and its key (from the node's signed peer record), the version
 * it runs, its region, its stake (the balance of its operator's ledger account, in whole credits) and its weight
 * {@code 0.5·reputation + 0.3·performance + 0.2·min(1, ln(stake)/20)}, at least 0.01, rounded to six decimals.
 *
 * @param performance the node's heartbeat uptime, 0..1
 */
public record Mixnode(String nodeId, String address, String publicKey, String version, String region, long stake,
                      double reputation, double performance, double weight) {

    /** The line of the consensus's signed form that lists this mixnode. */
    String signedForm() {
        return String.join(" ", nodeId, address, publicKey, version, region, Long.toString(stake),
                Consensus.decimal(reputation), Consensus.decimal(performance), Consensus.decimal(weight));
    }
}
