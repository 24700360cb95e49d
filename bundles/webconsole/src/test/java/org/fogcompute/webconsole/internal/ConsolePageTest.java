package org.fogcompute.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class ConsolePageTest {
    private final ConsolePage page = new ConsolePage("fog-test", new CsrfGuard(), new Flash()) {
        @Override
        void render(HttpServletRequest request, Html html, Context context) {
        }
    };

    @Test
    void servesItsOwnResourcesAndTheBundledChartLibrary() {
        assertThat(page.getResource("/fog-test/res/fog.css")).isNotNull();
        assertThat(page.getResource("/fog-test/res/uPlot.iife.min.js")).isNotNull();
        assertThat(page.getResource("/fog-test/res/uPlot.min.css")).isNotNull();
    }

    @Test
    void servesNothingOutsideItsResourceFolder() {
        assertThat(page.getResource("/fog-other/res/fog.css")).isNull();
        assertThat(page.getResource("/fog-test/res/../../OSGI-INF/x.xml")).isNull();
        assertThat(page.getResource("/fog-test/res/.hidden")).isNull();
        assertThat(page.getResource("/fog-test/res/no-such-file.js")).isNull();
        assertThat(page.getResource(null)).isNull();
    }

    @Test
    void linksBetweenPagesStayInTheConsole() {
        ConsolePage.Context context = new ConsolePage.Context("/system/console/fog-tasks", "t");

        assertThat(context.page("fog-nodes")).isEqualTo("/system/console/fog-nodes");
    }
}
