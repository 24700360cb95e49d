package org.fogcompute.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Set;
import org.fogcompute.api.security.Caller;
import org.fogcompute.api.security.Role;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router();

    RouterTest() {
        router.get("/nodes", Access.VIEWER, "list", call -> "list");
        router.get("/nodes/{nodeId}", Access.orNodeItself(Access.VIEWER, "nodeId"), "one", call -> "one");
        router.post("/nodes/batch", Access.ADMIN, "batch", call -> "batch");
        router.delete("/nodes/{nodeId}", Access.ADMIN, "remove", call -> "remove");
    }

    @Test
    void literalSegmentsAndParametersMatch() {
        assertThat(router.find("GET", "/nodes").route().summary).isEqualTo("list");
        assertThat(router.find("GET", "/nodes/").route().summary).isEqualTo("list");
        Router.Match one = router.find("GET", "/nodes/n1");
        assertThat(one.parameters()).isEqualTo(Map.of("nodeId", "n1"));
        assertThat(router.find("POST", "/nodes/batch").route().summary).isEqualTo("batch");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405WithAllow() {
        assertThat(catchThrowableOfType(ApiException.class, () -> router.find("GET", "/nodes/n1/x")).status)
                .isEqualTo(404);
        ApiException wrongMethod = catchThrowableOfType(ApiException.class, () -> router.find("PUT", "/nodes/n1"));
        assertThat(wrongMethod.status).isEqualTo(405);
        assertThat(wrongMethod.headers).containsEntry("Allow", "DELETE, GET");
    }

    @Test
    void rolesAreCumulativeAndANodeActsForItself() {
        Access nodeOrViewer = router.find("GET", "/nodes/n1").route().access;
        Call aboutN1 = new Call(null, Map.of("nodeId", "n1"), Map.of(), new byte[0], new Json());
        assertThat(nodeOrViewer.permits(Caller.node("n1"), aboutN1)).isTrue();
        assertThat(nodeOrViewer.permits(Caller.node("n2"), aboutN1)).isFalse();
        assertThat(nodeOrViewer.permits(Caller.user("v", Set.of(Role.VIEWER)), aboutN1)).isTrue();
        assertThat(Access.ADMIN.permits(Caller.user("o", Set.of(Role.OPERATOR)), aboutN1)).isFalse();
        assertThat(Access.OPERATOR.permits(Caller.user("a", Set.of(Role.ADMIN)), aboutN1)).isTrue();
        assertThat(Access.VIEWER.permits(Caller.node("n1"), aboutN1)).isFalse();
    }
}
