package org.fogcompute.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void textAndAttributesAreEscaped() {
        String html = new Html().raw("<td>").text("<script>alert('x')</script> & \"q\"").raw("</td>")
                .link("?q=\"><script>", "<b>").toString();

        assertThat(html).isEqualTo("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</td>"
                + "<a href=\"?q=&quot;&gt;&lt;script&gt;\">&lt;b&gt;</a>");
    }

    @Test
    void dollarSignsAreEscapedSoTheConsoleResolvesNoVariableInUserData() {
        assertThat(Html.escape("${appRoot}")).isEqualTo("&#36;{appRoot}");
    }

    @Test
    void plainTextIsReturnedUnchanged() {
        String id = "edge-1.eu-west:7";

        assertThat(Html.escape(id)).isSameAs(id);
    }

    @Test
    void selectMarksTheChosenOptionAndEscapesValues() {
        String html = new Html().select("status", "IDLE", "any", List.of("ACTIVE", "IDLE", "<x>")).toString();

        assertThat(html).contains("<option value=\"\">any</option>", "<option value=\"IDLE\" selected>IDLE</option>",
                "<option value=\"&lt;x&gt;\">&lt;x&gt;</option>");
    }

    @Test
    void nullIsEmptyText() {
        assertThat(new Html().cell(null).toString()).isEqualTo("<td></td>");
    }
}
