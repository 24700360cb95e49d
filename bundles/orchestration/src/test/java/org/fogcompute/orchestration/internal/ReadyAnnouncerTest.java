package org.fogcompute.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceState;
import org.junit.jupiter.api.Test;

class ReadyAnnouncerTest {
    private static ServiceInfo service(String name, ServiceState state) {
        return new ServiceInfo(name, "c." + name, "b", state, null, true, 0, List.of(), List.of(), 0);
    }

    @Test
    void readyOnlyWhenEveryServiceIsActive() {
        assertThat(ReadyAnnouncer.allActive(List.of())).isFalse();
        assertThat(ReadyAnnouncer.allActive(List.of(service("a", ServiceState.ACTIVE)))).isTrue();
        assertThat(ReadyAnnouncer.allActive(List.of(service("a", ServiceState.ACTIVE),
                service("b", ServiceState.SATISFIED)))).isTrue();
        assertThat(ReadyAnnouncer.allActive(List.of(service("a", ServiceState.ACTIVE),
                service("b", ServiceState.UNSATISFIED)))).isFalse();
    }

    @Test
    void theLineNamesTheApiTheConsoleAndWhereThePasswordIs() {
        String line = ReadyAnnouncer.readyLine(List.of("http://0.0.0.0:8181/"), 7900);
        assertThat(line).contains("ready in 7900 ms", "http://localhost:8181/api ", "http://localhost:8181/system/console",
                "data/log/karaf.log");
    }
}
