package org.fogcompute.jetty.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

class JsonErrorHandlerTest {
    @Test
    void aRefusedRequestIsAnsweredWithTheApisErrorDocument() {
        HttpFields fields = new HttpFields();
        String body = BufferUtil.toString(new JsonErrorHandler().badMessageError(400, "Illegal character CNTL=0x0",
                fields), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"error\":\"bad request: Illegal character CNTL=0x0\"}");
        assertThat(fields.get("Content-Type")).startsWith("application/json");
    }

    @Test
    void reasonsAreEscapedAsJsonStrings() {
        assertThat(JsonErrorHandler.document("a \"quoted\" \\ and \u0000 nul"))
                .isEqualTo("{\"error\":\"a \\\"quoted\\\" \\\\ and \\u0000 nul\"}");
    }

    @Test
    void noStackTraceIsShown() {
        assertThat(new JsonErrorHandler().isShowStacks()).isFalse();
    }
}
