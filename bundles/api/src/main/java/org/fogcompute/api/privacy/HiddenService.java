package org.fogcompute.api.privacy;

import java.time.Instant;
import java.util.List;

/**
 * A hidden service: reachable through its introduction points by its onion address, which is derived from its
 * Ed25519 public key as Tor's v3 addresses are (base32 of key, checksum and version, then {@code .onion}), so that a
 * client can check the address against the key. {@code generation} counts how often an introduction point was
 * re-chosen because one failed.
 */
public record HiddenService(String id, String owner, String publicKey, String onionAddress,
                            List<CircuitHop> introductionPoints, Instant registeredAt, int generation) {
    public HiddenService {
        introductionPoints = List.copyOf(introductionPoints);
    }
}
