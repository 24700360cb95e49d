package org.fogcompute.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawRequestTest {
    @Test
    void queriesDecodeStrictlyAndNameTheBadParameter() {
        assertThat(RawRequest.query("region=eu%2Dwest&q=a+b&flag&x=%E2%82%AC")).containsOnlyKeys("region", "q",
                "flag", "x");
        assertThat(RawRequest.query("region=eu%2Dwest&q=a+b").get("q")).containsExactly("a b");
        assertThat(RawRequest.query("x=%E2%82%AC").get("x")).containsExactly("€");
        assertThat(RawRequest.query("a=1&a=2").get("a")).containsExactly("1", "2");
        for (String bad : new String[] {"region=%FF", "region=%zz", "region=%F", "region=%C0%AE", "region=%00",
            "region=a%0Ab", "region=\u00e9"}) {
            assertThatThrownBy(() -> RawRequest.query(bad)).as(bad).isInstanceOfSatisfying(ApiException.class,
                    e -> {
                        assertThat(e.status).isEqualTo(400);
                        assertThat(e.field).isEqualTo("region");
                    });
        }
        assertThatThrownBy(() -> RawRequest.query("%ff=1")).isInstanceOf(ApiException.class);
    }

    @Test
    void pathsThatTheContainerWouldResolveElsewhereAreRefused() {
        RawRequest.checkPath("/api/nodes/edge-1.a");
        RawRequest.checkPath("/api/nodes/..a");
        for (String bad : new String[] {"/api/nodes/.", "/api/nodes/..", "/api/../api/health", "/api/nodes/%2e%2E",
            "/api/nodes/.%2e", "/api/nodes/a%2Fb", "/api/nodes/a%5cb", "/api/nodes/;x", "/api/nodes/a;b=c",
            "/api//nodes", "/api/nodes/a%00"}) {
            assertThatThrownBy(() -> RawRequest.checkPath(bad)).as(bad).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void bodiesMustBePlainUtf8() {
        RawRequest.checkBody("{\"id\":\"n-1\",\"label\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8));
        byte[][] bad = {
            {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'},
            "{}".getBytes(StandardCharsets.UTF_16LE),
            "{}".getBytes(StandardCharsets.UTF_16),
            {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xae, '"', '}'},
            {'{', 0, '}'},
            {'{', '"', (byte) 0xff, '"', '}'}};
        for (byte[] body : bad) {
            assertThatThrownBy(() -> RawRequest.checkBody(body)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status).isEqualTo(400));
        }
    }

    @Test
    void onlyJsonInUtf8IsAccepted() {
        assertThat(ApiServlet.isJsonUtf8("application/json")).isTrue();
        assertThat(ApiServlet.isJsonUtf8("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(ApiServlet.isJsonUtf8("application/json; charset=utf-16")).isFalse();
        assertThat(ApiServlet.isJsonUtf8("application/x-www-form-urlencoded")).isFalse();
        assertThat(ApiServlet.isJsonUtf8("application/jsonx")).isFalse();
        assertThat(ApiServlet.isJsonUtf8("text/plain")).isFalse();
    }
}
