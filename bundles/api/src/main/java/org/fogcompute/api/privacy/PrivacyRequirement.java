package org.fogcompute.api.privacy;

import org.fogcompute.api.PrivacyLevel;

/**
 * What a task's privacy asks of its path: a circuit of {@code circuitHops} relays (0: none), every hop at least
 * {@code minReputation} reputable (no two in one region or of one operator, as every circuit), and for SECRET a mixnet
 * route through {@code mixHops} mixnodes of the consensus in force.
 */
public record PrivacyRequirement(PrivacyLevel level, int circuitHops, double minReputation, int mixHops) {
    /** A PUBLIC task that asks for nothing. */
    public static final PrivacyRequirement NONE = new PrivacyRequirement(PrivacyLevel.PUBLIC, 0, 0, 0);

    public boolean needsCircuit() {
        return circuitHops > 0;
    }

    /** In words, for messages and status pages: "CONFIDENTIAL: 5-hop circuit, hops reputation ≥ 0.80". */
    public String describe() {
        if (!needsCircuit()) {
            return level + ": no circuit";
        }
        return level + ": " + circuitHops + "-hop circuit" + (minReputation > 0
                ? String.format(java.util.Locale.ROOT, ", hops reputation >= %.2f", minReputation) : "")
                + (mixHops > 0 ? ", mixnet route through " + mixHops + " mixnodes" : "");
    }
}
