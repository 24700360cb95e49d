package org.fogcompute.rest.internal;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.resources.Profile;
import org.fogcompute.api.resources.Profiler;

/**
 * /api/profiles: JDK Flight Recorder recordings of the runtime. Admins only: a recording holds stack traces and class
 * names of everything the runtime does.
 */
final class ProfilesResource {
    private final Supplier<Profiler> profiler;

    ProfilesResource(Supplier<Profiler> profiler) {
        this.profiler = profiler;
    }

    /** {@code durationSeconds} default 30; {@code settings} {@code default} or {@code profile}. */
    record Start(Long durationSeconds, String settings) {
    }

    void register(Router router) {
        router.post("/profiles", Access.ADMIN, "Start a Flight Recorder recording of the runtime; it stops by itself "
                + "and is summarised", this::start).tag("profiles").body(Start.class).returns(Profile.class)
                .status(202).errors(409);
        router.get("/profiles", Access.ADMIN, "List the recordings kept, newest first", this::list).tag("profiles")
                .returns(Profile.class, Route.Shape.LIST);
        router.get("/profiles/{profileId}", Access.ADMIN, "Read a recording's state and summary", this::detail)
                .tag("profiles").returns(Profile.class).errors(404);
        router.get("/profiles/{profileId}/recording", Access.ADMIN, "Download a recording (.jfr, for JDK Mission "
                + "Control)", this::download).tag("profiles").errors(404);
    }

    private Profiler profiler() {
        return Services.require(profiler, "the profiler");
    }

    private Object start(Call call) {
        call.allowQuery(Set.of());
        Start body = call.hasBody() ? call.body(Start.class) : new Start(null, null);
        long seconds = body.durationSeconds() == null ? 30 : body.durationSeconds();
        return new Route.Reply(202, profiler().start(Duration.ofSeconds(Math.max(0, Math.min(seconds,
                Integer.MAX_VALUE))), body.settings(), call.caller().name()));
    }

    private Object list(Call call) {
        call.allowQuery(Set.of());
        return profiler().profiles();
    }

    private Object detail(Call call) {
        call.allowQuery(Set.of());
        String id = call.id("profileId");
        return profiler().profile(id).orElseThrow(() -> new NotFoundException("no profile '" + id + "'"));
    }

    private Object download(Call call) {
        call.allowQuery(Set.of());
        String id = call.id("profileId");
        return profiler().recording(id).map(file -> (Object) new Route.Download("application/octet-stream",
                id + ".jfr", file)).orElseThrow(() -> new NotFoundException("no finished recording '" + id + "'"));
    }
}
