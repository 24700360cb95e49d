package org.fogcompute.api.privacy;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The hidden-service registry (L4, the vpn service). */
@ProviderType
public interface HiddenServices {

    /**
     * Registers a service under an id not taken yet, with introduction points chosen by the onion planner; stored
     * before it returns.
     *
     * @param publicKey Ed25519, 32 raw bytes, base64url without padding
     * @param signature Ed25519 by that key over the UTF-8 lines {@code fog-hidden-service/1}, the id and the key,
     *                  each ending in a line feed: the registrant holds the key
     * @throws org.fogcompute.api.ValidationException a key or signature that does not verify
     * @throws org.fogcompute.api.ConflictException   an id taken, or a key already registered
     * @throws NoPrivacyPathException                 when the fleet has too few relays for introduction points
     */
    HiddenService register(String owner, String id, String publicKey, String signature);

    Optional<HiddenService> service(String id);

    /** The service an onion address names: how a client finds its introduction points. */
    Optional<HiddenService> byAddress(String onionAddress);

    /** Services newest first: an owner's, or everyone's when {@code owner} is null. */
    List<HiddenService> services(String owner, int offset, int limit);

    /** Removes a service; false when there was none with this id. */
    boolean remove(String id);
}
