package org.fogcompute.balancer.algorithms;

import java.util.ArrayList;
import java.util.List;
import org.fogcompute.api.balancing.Endpoint;
import org.fogcompute.api.balancing.EndpointPool;

/** A pool of endpoints whose load and latency the test sets. */
final class TestPool implements EndpointPool {
    static final class Node implements Endpoint {
        final String id;
        double weight = 1;
        int active;
        double latency;

        Node(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public double weight() {
            return weight;
        }

        @Override
        public int activeRequests() {
            return active;
        }

        @Override
        public double latencyMicros() {
            return latency;
        }
    }

    final List<Node> nodes = new ArrayList<>();
    long version = 1;

    static TestPool of(int size) {
        TestPool pool = new TestPool();
        for (int i = 0; i < size; i++) {
            pool.nodes.add(new Node("node-" + i));
        }
        return pool;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public int size() {
        return nodes.size();
    }

    @Override
    public Node get(int index) {
        return nodes.get(index);
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public long activeRequests() {
        return nodes.stream().mapToLong(n -> n.active).sum();
    }
}
