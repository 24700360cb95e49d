package org.fogcompute.api.betanet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A consensus document: the mixnodes of one epoch with their weights, valid from its publication until the next is
 * due, signed with the coordinator's Ed25519 key ({@code signingKey}: 32 raw bytes, base64url without padding, also
 * published on its own so that nodes can pin it). Nodes verify {@code signature} over {@link #signedBytes()} before
 * they use a mixnode from it.
 */
public record Consensus(long epoch, Instant validAfter, Instant validUntil, List<Mixnode> mixnodes, String signingKey,
                        String signature) {
    private static final String FORMAT = "fog-mix-consensus/1";

    public Consensus {
        mixnodes = List.copyOf(mixnodes);
    }

    /**
     * The bytes that are signed, in UTF-8: the lines {@code fog-mix-consensus/1}, the epoch, validAfter and validUntil
     * in epoch milliseconds, the signing key, then one line per mixnode in the listed order: {@code nodeId address
     * publicKey version region stake reputation performance weight}, the three decimals with six places; each line
     * ending in a line feed.
     */
    public byte[] signedBytes() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n').append(epoch).append('\n')
                .append(validAfter.toEpochMilli()).append('\n').append(validUntil.toEpochMilli()).append('\n')
                .append(signingKey).append('\n');
        for (Mixnode mixnode : mixnodes) {
            text.append(mixnode.signedForm()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same document, signed. */
    public Consensus withSignature(String signature) {
        return new Consensus(epoch, validAfter, validUntil, mixnodes, signingKey, signature);
    }

    /** Whether it is in force at the instant. */
    public boolean validAt(Instant instant) {
        return !instant.isBefore(validAfter) && instant.isBefore(validUntil);
    }

    /** Six decimal places, half up, plain: the form decimals are signed in. */
    public static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
