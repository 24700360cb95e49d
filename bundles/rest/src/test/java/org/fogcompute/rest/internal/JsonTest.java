package org.fogcompute.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.fogcompute.rest.internal.Bodies.BatchRegistration;
import org.fogcompute.rest.internal.Bodies.NodeRegistration;
import org.fogcompute.rest.internal.Bodies.TaskSubmission;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final String NODE = "{\"id\":\"n1\",\"type\":\"EDGE_DEVICE\",\"capacity\":{\"cpuCores\":2,"
            + "\"memoryMb\":1024,\"storageMb\":10,\"gpuCount\":0}}";
    private final Json json = new Json();

    private ApiException refused(String body, Class<?> type) {
        return catchThrowableOfType(ApiException.class, () -> json.read(body.getBytes(StandardCharsets.UTF_8), type));
    }

    @Test
    void aValidRegistrationReads() {
        NodeRegistration registration = json.read(NODE.getBytes(StandardCharsets.UTF_8), NodeRegistration.class);
        assertThat(registration.toSpec().capacity().cpuCores()).isEqualTo(2);
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        ApiException e = refused(NODE.replaceFirst("\\{", "{\"reputation\":1,"), NodeRegistration.class);
        assertThat(e.status).isEqualTo(400);
        assertThat(e.field).isEqualTo("reputation");
    }

    @Test
    void wrongTypesAreRefusedWithTheirPath() {
        for (String value : new String[] {"\"2\"", "2.5", "true", "[2]"}) {
            ApiException e = refused(NODE.replace("\"cpuCores\":2", "\"cpuCores\":" + value), NodeRegistration.class);
            assertThat(e.status).as(value).isEqualTo(400);
            assertThat(e.field).as(value).isEqualTo("capacity.cpuCores");
        }
    }

    @Test
    void domainRangesAnswer422WithTheFieldInsideABatch() {
        ApiException e = refused("{\"nodes\":[" + NODE + "," + NODE.replace("\"cpuCores\":2", "\"cpuCores\":0") + "]}",
                BatchRegistration.class);
        assertThat(e.status).isEqualTo(422);
        assertThat(e.field).isEqualTo("nodes[1].capacity.cpuCores");
    }

    @Test
    void duplicateKeysTrailingContentDeepNestingAndHugeNumbersAreRefused() {
        assertThat(refused("{\"id\":\"a\",\"id\":\"b\"}", TaskSubmission.class).status).isEqualTo(400);
        assertThat(refused("{\"id\":\"a\"} {}", TaskSubmission.class).status).isEqualTo(400);
        assertThat(refused("{\"id\":" + "[".repeat(100) + "]".repeat(100) + "}", TaskSubmission.class).status)
                .isEqualTo(400);
        assertThat(refused("{\"priority\":99999999999999999999}", TaskSubmission.class).status).isEqualTo(400);
        assertThat(refused("{\"privacy\":\"\"}", TaskSubmission.class).status).isEqualTo(400);
        assertThat(refused("{\"privacy\":1}", TaskSubmission.class).status).isEqualTo(400);
        assertThat(refused("{\"type\":5}", TaskSubmission.class).status).isEqualTo(400);
        assertThat(refused("", TaskSubmission.class).status).isEqualTo(400);
        assertThat(refused("null", TaskSubmission.class).status).isEqualTo(400);
    }

    @Test
    void enumsReadCaseInsensitively() {
        TaskSubmission task = json.read("{\"privacy\":\"confidential\"}".getBytes(StandardCharsets.UTF_8),
                TaskSubmission.class);
        assertThat(task.toSpec().needsOnionRouting()).isTrue();
    }
}
