package org.fogcompute.rest.internal;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.fogcompute.api.balancing.CircuitBreakers;
import org.fogcompute.api.balancing.CircuitState;
import org.fogcompute.api.balancing.LoadBalancer;
import org.fogcompute.api.balancing.ScalingAdvisor;
import org.fogcompute.api.balancing.ScalingEvent;
import org.fogcompute.rest.internal.Bodies.StrategyChoice;
import org.fogcompute.rest.internal.Route.Shape;
import org.fogcompute.rest.internal.Views.Strategies;

/** /api/lb, /api/circuits and /api/scaling: algorithms, circuit breakers and scaling advice. */
final class BalancingResource {
    private final Supplier<LoadBalancer> balancer;
    private final Supplier<CircuitBreakers> breakers;
    private final Supplier<ScalingAdvisor> advisor;

    BalancingResource(Supplier<LoadBalancer> balancer, Supplier<CircuitBreakers> breakers,
                      Supplier<ScalingAdvisor> advisor) {
        this.balancer = balancer;
        this.breakers = breakers;
        this.advisor = advisor;
    }

    void register(Router router) {
        router.get("/lb/algorithms", Access.VIEWER, "Load-balancing algorithms and the default", this::algorithms)
                .tag("balancing").returns(Strategies.class);
        router.put("/lb/default", Access.ADMIN, "Set the default load-balancing algorithm", this::setDefault)
                .tag("balancing").body(StrategyChoice.class).returns(Strategies.class).errors(404);
        router.get("/circuits", Access.VIEWER, "Circuit breaker of every node that has been given work",
                call -> breakers().states()).tag("balancing").returns(CircuitState.class, Shape.LIST);
        router.post("/circuits/{nodeId}/reset", Access.ADMIN, "Close a node's circuit", this::reset)
                .tag("balancing").returns(CircuitState.class).errors(404);
        router.get("/scaling/events", Access.VIEWER, "Recent scaling recommendations, oldest first",
                call -> Services.require(advisor, "the scaling advisor").events()).tag("balancing")
                .returns(ScalingEvent.class, Shape.LIST);
    }

    private LoadBalancer balancer() {
        return Services.require(balancer, "the load balancer");
    }

    private CircuitBreakers breakers() {
        return Services.require(breakers, "the circuit breakers");
    }

    private Object algorithms(Call call) {
        LoadBalancer lb = balancer();
        return new Strategies(new ArrayList<>(lb.algorithms()), lb.defaultAlgorithm());
    }

    private Object setDefault(Call call) {
        StrategyChoice choice = call.body(StrategyChoice.class);
        if (choice.name() == null || !org.fogcompute.api.Checks.isId(choice.name())) {
            throw ApiException.unprocessable("name", "name must name a load-balancing algorithm");
        }
        balancer().setDefaultAlgorithm(choice.name());
        return algorithms(call);
    }

    private Object reset(Call call) {
        String nodeId = call.id("nodeId");
        CircuitBreakers circuits = breakers();
        circuits.reset(nodeId);
        return circuits.state(nodeId).orElseThrow();
    }
}
