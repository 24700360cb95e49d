package org.fogcompute.api.p2p;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.fogcompute.api.Checks;
import org.fogcompute.api.Signatures;
import org.fogcompute.api.ValidationException;

/**
 * What a node publishes about itself in the peer directory, signed with its own Ed25519 key: peers that look it up
 * verify the signature against {@code publicKey} before they use an endpoint, so a directory (or anything between)
 * cannot hand out another endpoint under the node's name without the node's key.
 *
 * @param publicKey the node's Ed25519 public key: its 32 raw bytes, base64url without padding
 * @param sequence  increases with every record the node publishes: an older record never replaces a newer one
 * @param signedAt  when the node signed it (informative; the sequence decides what is newer)
 * @param signature Ed25519 over {@link #signedBytes()}: 64 bytes, base64url without padding
 */
public record PeerRecord(String nodeId, String publicKey, List<PeerEndpoint> endpoints, long sequence,
                         Instant signedAt, String signature) {
    /** The most endpoints a record lists. */
    public static final int MAX_ENDPOINTS = 16;
    private static final String FORMAT = "fog-peer-record/1";

    public PeerRecord {
        Checks.id("nodeId", nodeId);
        decode("publicKey", publicKey, 32);
        if (endpoints == null || endpoints.isEmpty() || endpoints.size() > MAX_ENDPOINTS) {
            throw new ValidationException("endpoints", "a record lists 1.." + MAX_ENDPOINTS + " endpoints, got "
                    + (endpoints == null ? 0 : endpoints.size()));
        }
        for (PeerEndpoint endpoint : endpoints) {
            if (endpoint == null) {
                throw new ValidationException("endpoints", "an endpoint is missing (null in the list)");
            }
        }
        endpoints = List.copyOf(endpoints);
        Checks.range("sequence", sequence, 1, Long.MAX_VALUE);
        if (signedAt == null) {
            throw new ValidationException("signedAt", "signedAt is required: when the node signed the record");
        }
        Checks.instant("signedAt", signedAt);
        decode("signature", signature, 64);
    }

    /**
     * The bytes the node signs, in UTF-8: the lines {@code fog-peer-record/1}, the node id, the public key as given,
     * the sequence, {@code signedAt} in epoch milliseconds, then one line per endpoint {@code transport host port},
     * each line ending in a line feed.
     */
    public byte[] signedBytes() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n').append(nodeId).append('\n').append(publicKey)
                .append('\n').append(sequence).append('\n').append(signedAt.toEpochMilli()).append('\n');
        for (PeerEndpoint endpoint : endpoints) {
            text.append(endpoint.signedForm()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] publicKeyBytes() {
        return Base64.getUrlDecoder().decode(publicKey);
    }

    public byte[] signatureBytes() {
        return Base64.getUrlDecoder().decode(signature);
    }

    private static void decode(String field, String value, int length) {
        Signatures.base64url(field, value, length);
    }
}
