package org.fogcompute.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.HiddenService;
import org.fogcompute.api.privacy.HiddenServices;
import org.fogcompute.api.privacy.PrivacyPolicy;

/**
 * /api/vpn: the privacy policy and the hidden-service registry. Which path a task took is private like its circuit:
 * its submitter and admins see it. A hidden service is managed by its owner (an operator) or an admin; anyone
 * authenticated, nodes included, may resolve an onion address to its introduction points, since knowing the address is
 * what reaching the service takes.
 */
final class VpnResource {
    private final Supplier<PrivacyPolicy> policy;
    private final Supplier<HiddenServices> services;

    VpnResource(Supplier<PrivacyPolicy> policy, Supplier<HiddenServices> services) {
        this.policy = policy;
        this.services = services;
    }

    /** {@code publicKey}: Ed25519, 32 bytes base64url; {@code signature}: by that key over the documented lines. */
    record Registration(String id, String publicKey, String signature) {
    }

    /** What a client needs to reach a service: no owner. */
    record Resolved(String onionAddress, String publicKey, List<CircuitHop> introductionPoints) {
    }

    record Policy(Map<PrivacyLevel, Object> requirements, Map<PrivacyLevel, Integer> pathsByLevel) {
    }

    void register(Router router) {
        router.get("/vpn/policy", Access.VIEWER, "Read what each privacy level asks of a task's path", this::policy).tag("vpn").returns(Policy.class);
        router.get("/vpn/tasks/{taskId}/path", Access.OPERATOR, "Read the path a task was placed with (its circuit; "
                + "for SECRET, its mixnet route)", this::path)
                .tag("vpn").returns(PrivacyPolicy.TaskPath.class).errors(404);
        router.get("/vpn/hidden-services", Access.OPERATOR, "List hidden services (an operator's own, everyone's for "
                + "an admin)", this::list).tag("vpn").query("offset", "limit")
                .returns(HiddenService.class);
        router.post("/vpn/hidden-services", Access.OPERATOR, "Register a hidden service (its onion address derived "
                + "from its key, its introduction points chosen by the onion planner)", this::create).tag("vpn").body(Registration.class)
                .returns(HiddenService.class).status(201).errors(409);
        router.get("/vpn/hidden-services/{serviceId}", Access.OPERATOR, "Read a hidden service", this::detail)
                .tag("vpn").returns(HiddenService.class).errors(404);
        router.delete("/vpn/hidden-services/{serviceId}", Access.OPERATOR, "Remove a hidden service", this::remove)
                .tag("vpn").errors(404);
        router.get("/vpn/onion/{onionAddress}", Access.VIEWER_OR_ANY_NODE, "Resolve an onion address to its "
                + "introduction points", this::resolve).tag("vpn").returns(Resolved.class).errors(404);
    }

    private PrivacyPolicy policy() {
        return Services.require(policy, "the privacy policy (vpn)");
    }

    private HiddenServices services() {
        return Services.require(services, "the hidden-service registry (vpn)");
    }

    private Object policy(Call call) {
        call.allowQuery(Set.of());
        PrivacyPolicy current = policy();
        Map<PrivacyLevel, Object> requirements = new java.util.EnumMap<>(PrivacyLevel.class);
        for (PrivacyLevel level : PrivacyLevel.values()) {
            requirements.put(level, current.requirement(org.fogcompute.api.TaskSpec.builder().id("policy")
                    .privacy(level).build()));
        }
        return new Policy(requirements, current.pathsByLevel());
    }

    private Object path(Call call) {
        call.allowQuery(Set.of());
        String id = call.id("taskId");
        return policy().path(id).filter(p -> call.caller().isAdmin() || p.client().equals(call.caller().name()))
                .orElseThrow(() -> new NotFoundException("task '" + id + "' holds no privacy path you may see"));
    }

    private Object list(Call call) {
        call.allowQuery(Set.of("offset", "limit"));
        String owner = call.caller().isAdmin() ? null : call.caller().name();
        return services().services(owner, call.queryInt("offset", 0, 0, Integer.MAX_VALUE),
                call.queryInt("limit", 100, 1, 1000));
    }

    private Object create(Call call) {
        call.allowQuery(Set.of());
        Registration body = call.body(Registration.class);
        if (body.id() == null) {
            throw ApiException.unprocessable("id", "id is required: the hidden service's name");
        }
        return new Route.Reply(201, services().register(call.caller().name(), body.id(), body.publicKey(),
                body.signature()));
    }

    private Object detail(Call call) {
        call.allowQuery(Set.of());
        return visible(call);
    }

    private Object remove(Call call) {
        call.allowQuery(Set.of());
        HiddenService service = visible(call);
        if (!services().remove(service.id())) {
            throw new NotFoundException("no hidden service '" + service.id() + "'");
        }
        return new Route.Reply(204, null);
    }

    private Object resolve(Call call) {
        call.allowQuery(Set.of());
        String address = call.pathParameter("onionAddress");
        return services().byAddress(address).map(s -> new Resolved(s.onionAddress(), s.publicKey(),
                s.introductionPoints())).orElseThrow(() -> new NotFoundException("no hidden service at '"
                + (address.length() > 80 ? address.substring(0, 80) + "…" : address) + "'"));
    }

    /** The service named in the path if the caller may see it: their own, or any for an admin (else 404). */
    private HiddenService visible(Call call) {
        String id = call.id("serviceId");
        return services().service(id).filter(s -> call.caller().isAdmin() || s.owner().equals(call.caller().name()))
                .orElseThrow(() -> new NotFoundException("no hidden service '" + id + "'"));
    }
}
