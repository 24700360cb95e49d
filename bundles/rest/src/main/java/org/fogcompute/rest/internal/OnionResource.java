package org.fogcompute.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.CircuitPlanner;

/**
 * /api/onion: circuits planned over the fleet's onion-capable nodes. Who uses which path is private: an operator plans,
 * reads and closes their own circuits, an admin anyone's (and may plan for a named client); viewers see none.
 */
final class OnionResource {
    private final Supplier<CircuitPlanner> planner;

    OnionResource(Supplier<CircuitPlanner> planner) {
        this.planner = planner;
    }

    /** {@code level} PRIVATE, CONFIDENTIAL or SECRET; {@code minReputation} 0..1, optional. */
    record Plan(String client, PrivacyLevel level, Double minReputation) {
    }

    record CircuitView(String id, String client, String taskId, PrivacyLevel level, double minReputation,
                       List<CircuitHop> hops, Instant createdAt, Instant expiresAt, int generation) {
        static CircuitView of(Circuit c) {
            return new CircuitView(c.id(), c.client(), c.taskId(), c.level(), c.minReputation(), c.hops(),
                    c.createdAt(), c.expiresAt(), c.generation());
        }
    }

    void register(Router router) {
        router.get("/onion/circuits", Access.OPERATOR, "List circuits, newest first (an operator's own, every "
                + "client's for an admin): hops (guard, middles, exit), lifetime, rebuilds", this::list).tag("onion").query("offset", "limit")
                .returns(CircuitView.class);
        router.post("/onion/circuits", Access.OPERATOR, "Plan a circuit (PRIVATE 3 hops, CONFIDENTIAL 5, SECRET 7; distinct "
                + "regions and operators); 409 names the constraint the fleet cannot meet", this::plan).tag("onion")
                .body(Plan.class).returns(CircuitView.class).errors(409);
        router.get("/onion/circuits/{circuitId}", Access.OPERATOR, "Read a circuit", this::detail).tag("onion")
                .returns(CircuitView.class).errors(404);
        router.delete("/onion/circuits/{circuitId}", Access.OPERATOR, "Close a circuit", this::close).tag("onion")
                .errors(404);
    }

    private CircuitPlanner planner() {
        return Services.require(planner, "the onion circuit planner");
    }

    private Object list(Call call) {
        call.allowQuery(Set.of("offset", "limit"));
        String client = call.caller().isAdmin() ? null : call.caller().name();
        return planner().circuits(client, call.queryInt("offset", 0, 0, Integer.MAX_VALUE), call.queryInt("limit",
                100, 1, 1000)).stream().map(CircuitView::of).toList();
    }

    private Object plan(Call call) {
        Plan body = call.body(Plan.class);
        String client = body.client() == null ? call.caller().name() : body.client();
        if (!client.equals(call.caller().name()) && !call.caller().isAdmin()) {
            throw ApiException.forbidden("only an admin plans a circuit for another client");
        }
        if (body.level() == null) {
            throw ApiException.unprocessable("level", "level is required: PRIVATE, CONFIDENTIAL or SECRET");
        }
        double floor = body.minReputation() == null ? 0 : body.minReputation();
        return new Route.Reply(201, CircuitView.of(planner().plan(client, body.level(), floor)));
    }

    private Object detail(Call call) {
        call.allowQuery(Set.of());
        return CircuitView.of(visible(call));
    }

    private Object close(Call call) {
        call.allowQuery(Set.of());
        Circuit circuit = visible(call);
        if (!planner().close(circuit.id())) {
            throw new NotFoundException("no circuit '" + circuit.id() + "'");
        }
        return new Route.Reply(204, null);
    }

    /** The circuit named in the path, if the caller may see it: their own, or any for an admin (else 404). */
    private Circuit visible(Call call) {
        String id = call.id("circuitId");
        return planner().circuit(id).filter(c -> call.caller().isAdmin() || c.client().equals(call.caller().name()))
                .orElseThrow(() -> new NotFoundException("no circuit '" + id + "'"));
    }
}
