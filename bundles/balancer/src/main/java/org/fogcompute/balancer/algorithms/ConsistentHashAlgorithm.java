package org.fogcompute.balancer.algorithms;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.EndpointPool;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A hash ring with virtual nodes: a key goes to the first endpoint clockwise from its hash, so the same key keeps
 * its endpoint while that endpoint is in the pool, and adding or removing one of N endpoints moves about 1/N of
 * the keys. With a load bound (factor c &gt; 1), an endpoint already serving more than c × the average in flight
 * passes the key on clockwise (consistent hashing with bounded loads). Requests without a key go anywhere.
 */
@Component(property = BalancingAlgorithm.NAME_PROPERTY + "=consistent-hash",
        configurationPid = "org.fogcompute.balancer.consistenthash")
@Designate(ocd = ConsistentHashAlgorithm.Settings.class)
public final class ConsistentHashAlgorithm implements BalancingAlgorithm {

    @ObjectClassDefinition(name = "Fog load balancer: consistent hashing")
    public @interface Settings {
        @AttributeDefinition(description = "Points on the ring per endpoint")
        int virtual_nodes() default 160;

        @AttributeDefinition(description = "Bounded load factor c (> 1): an endpoint above c × the average requests in "
                + "flight is skipped; 0 turns the bound off")
        double bounded_load_factor() default 0;
    }

    private final int virtualNodes;
    private final double loadFactor;
    private final Map<String, Ring> rings = new ConcurrentHashMap<>();

    @Activate
    public ConsistentHashAlgorithm(Settings settings) {
        this(settings.virtual_nodes(), settings.bounded_load_factor());
    }

    public ConsistentHashAlgorithm(int virtualNodes, double loadFactor) {
        if (virtualNodes < 1 || (loadFactor != 0 && loadFactor <= 1)) {
            throw new IllegalArgumentException("virtual.nodes must be >= 1 and bounded.load.factor 0 or > 1");
        }
        this.virtualNodes = virtualNodes;
        this.loadFactor = loadFactor;
    }

    /**
     * The ring as one sorted array: each point keeps the top 44 bits of its hash and the index of its endpoint in
     * the low 20 bits, so that a primitive sort orders points and owners together.
     */
    private record Ring(long version, long[] points) {
    }

    private static final long OWNER_BITS = 20;
    private static final long OWNER_MASK = (1L << OWNER_BITS) - 1;

    @Override
    public int select(EndpointPool pool, String key) {
        if (key == null) {
            return ThreadLocalRandom.current().nextInt(pool.size());
        }
        Ring ring = rings.get(pool.name());
        if (ring == null || ring.version() != pool.version()) {
            ring = build(pool);
            rings.put(pool.name(), ring);
        }
        long[] points = ring.points();
        int position = Arrays.binarySearch(points, hash(key) & ~OWNER_MASK);
        if (position < 0) {
            position = -position - 1;
        }
        if (position == points.length) {
            position = 0;
        }
        if (loadFactor == 0) {
            return (int) (points[position] & OWNER_MASK);
        }
        double limit = Math.ceil(loadFactor * (pool.activeRequests() + 1) / pool.size());
        for (int step = 0; step < points.length; step++) {
            int owner = (int) (points[(position + step) % points.length] & OWNER_MASK);
            if (pool.get(owner).activeRequests() + 1 <= limit) {
                return owner;
            }
        }
        return (int) (points[position] & OWNER_MASK);
    }

    private Ring build(EndpointPool pool) {
        int size = pool.size();
        if (size > OWNER_MASK) {
            throw new IllegalArgumentException("consistent hashing supports up to " + OWNER_MASK + " endpoints");
        }
        long[] points = new long[size * virtualNodes];
        int n = 0;
        for (int i = 0; i < size; i++) {
            String id = pool.get(i).id();
            for (int v = 0; v < virtualNodes; v++) {
                points[n++] = (hash(id + "#" + v) & ~OWNER_MASK) | i;
            }
        }
        Arrays.sort(points);
        return new Ring(pool.version(), points);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes, finished with the SplitMix64 mixer for an even spread on the ring. */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
