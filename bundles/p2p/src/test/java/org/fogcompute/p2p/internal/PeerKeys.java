package org.fogcompute.p2p.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.fogcompute.api.p2p.PeerEndpoint;
import org.fogcompute.api.p2p.PeerRecord;

/** A node's Ed25519 key as a node agent holds it, signing peer records the way the directory documents. */
final class PeerKeys {
    private final KeyPair pair;

    PeerKeys() throws GeneralSecurityException {
        this.pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The raw 32-byte key: the last 32 bytes of its X.509 encoding. */
    String publicKey() {
        byte[] encoded = pair.getPublic().getEncoded();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32,
                encoded.length));
    }

    PeerRecord sign(String nodeId, long sequence, PeerEndpoint... endpoints) throws GeneralSecurityException {
        return sign(nodeId, publicKey(), sequence, endpoints);
    }

    /** Signs whatever the record says, also a key that is not this one's. */
    PeerRecord sign(String nodeId, String claimedKey, long sequence, PeerEndpoint... endpoints)
            throws GeneralSecurityException {
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
        PeerRecord draft = new PeerRecord(nodeId, claimedKey, List.of(endpoints), sequence,
                Instant.parse("2026-12-07T10:00:00Z").plusSeconds(sequence), unsigned);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(draft.signedBytes());
        return new PeerRecord(nodeId, claimedKey, draft.endpoints(), sequence, draft.signedAt(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()));
    }
}
