package org.fogcompute.vpn.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fogcompute.api.Checks;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.Signatures;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.CircuitPlanner;
import org.fogcompute.api.privacy.HiddenService;
import org.fogcompute.api.privacy.NoPrivacyPathException;

/**
 * The hidden-service registry without OSGi: a service is registered by whoever proves they hold its Ed25519 key (a
 * signature over its id and key), its onion address derived from the key, its introduction points chosen by the onion
 * planner and chosen again, all of them, when one stops relaying.
 */
final class HiddenServiceBook {
    /** Stores a change before it is made visible; throws when it cannot, and then nothing changed. */
    interface Keeper {
        void keep(HiddenService service);

        void forget(String id);
    }

    record Rules(int introductionPoints, double minReputation, int maxPerOwner) {
    }

    private final Clock clock;
    private final CircuitPlanner planner;
    private final Map<String, HiddenService> services = new ConcurrentHashMap<>();
    private volatile Rules rules;

    HiddenServiceBook(Clock clock, CircuitPlanner planner, Rules rules) {
        this.clock = clock;
        this.planner = planner;
        this.rules = rules;
    }

    void rules(Rules changed) {
        this.rules = changed;
    }

    synchronized HiddenService register(String owner, String id, String publicKey, String signature, Keeper keeper) {
        Checks.id("id", id);
        byte[] key = Signatures.base64url("publicKey", publicKey, 32);
        byte[] proof = Signatures.base64url("signature", signature, 64);
        if (!Signatures.ed25519Verifies(key, signedBytes(id, publicKey), proof)) {
            throw new ValidationException("signature", "the signature does not verify against publicKey: sign the "
                    + "lines 'fog-hidden-service/1', the id and the key, each ending in a line feed, with that key");
        }
        if (services.containsKey(id)) {
            throw new ConflictException("hidden service '" + id + "' is registered already");
        }
        for (HiddenService other : services.values()) {
            if (other.publicKey().equals(publicKey)) {
                throw new ConflictException("this key is registered already, as hidden service '" + other.id() + "'");
            }
        }
        Rules current = rules;
        long owned = services.values().stream().filter(s -> s.owner().equals(owner)).count();
        if (owned >= current.maxPerOwner()) {
            throw new ConflictException(owner + " has " + owned + " hidden services, the most one owner may have "
                    + "(max.hidden.services.per.owner in etc/org.fogcompute.vpn.cfg)");
        }
        List<CircuitHop> points = planner.introductionPoints(id, current.introductionPoints(),
                current.minReputation(), Set.of());
        HiddenService service = new HiddenService(id, owner, publicKey, OnionAddress.of(key), points,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), 0);
        keeper.keep(service);
        services.put(id, service);
        return service;
    }

    Optional<HiddenService> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    Optional<HiddenService> byAddress(String onionAddress) {
        return services.values().stream().filter(s -> s.onionAddress().equals(onionAddress)).findFirst();
    }

    List<HiddenService> services(String owner, int offset, int limit) {
        return services.values().stream().filter(s -> owner == null || s.owner().equals(owner))
                .sorted(Comparator.comparing(HiddenService::registeredAt).reversed().thenComparing(HiddenService::id))
                .skip(offset).limit(limit).toList();
    }

    synchronized boolean remove(String id, Keeper keeper) {
        if (!services.containsKey(id)) {
            return false;
        }
        keeper.forget(id);
        services.remove(id);
        return true;
    }

    /**
     * A node stopped relaying: every service it introduced gets a new set of introduction points without it. A service
     * whose set cannot be chosen again keeps the points that still relay.
     *
     * @return the services changed, and for each that could not be given a full set, why
     */
    synchronized List<String> nodeFailed(String nodeId, Keeper keeper) {
        List<String> problems = new ArrayList<>();
        for (HiddenService service : List.copyOf(services.values())) {
            if (service.introductionPoints().stream().noneMatch(p -> p.nodeId().equals(nodeId))) {
                continue;
            }
            Rules current = rules;
            List<CircuitHop> points;
            try {
                points = planner.introductionPoints(service.id(), current.introductionPoints(),
                        current.minReputation(), Set.of(nodeId));
            } catch (NoPrivacyPathException e) {
                points = service.introductionPoints().stream().filter(p -> !p.nodeId().equals(nodeId)).toList();
                problems.add(service.id() + ": " + e.getMessage());
            }
            HiddenService changed = new HiddenService(service.id(), service.owner(), service.publicKey(),
                    service.onionAddress(), points, service.registeredAt(), service.generation() + 1);
            keeper.keep(changed);
            services.put(changed.id(), changed);
        }
        return problems;
    }

    void restore(Collection<HiddenService> stored) {
        stored.forEach(s -> services.putIfAbsent(s.id(), s));
    }

    int size() {
        return services.size();
    }

    static byte[] signedBytes(String id, String publicKey) {
        return ("fog-hidden-service/1\n" + id + "\n" + publicKey + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
