package org.fogcompute.webconsole.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the HTML of a page. Node ids, labels, regions and messages are user input, so everything added with
 * {@link #text} or as an attribute value is escaped; only the literal markup of the pages goes in unescaped through
 * {@link #raw}.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(4096);

    /** Literal markup written by the page itself; never pass user input here. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(Object value) {
        out.append(escape(value == null ? "" : value.toString()));
        return this;
    }

    /** {@code <tag>escaped text</tag>}. */
    Html element(String tag, Object value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
    }

    /** A link whose href and text are both escaped. */
    Html link(String href, Object value) {
        return raw("<a href=\"").text(href).raw("\">").text(value).raw("</a>");
    }

    Html cell(Object value) {
        return element("td", value);
    }

    Html headerRow(String... headers) {
        raw("<thead><tr>");
        for (String header : headers) {
            element("th", header);
        }
        return raw("</tr></thead>");
    }

    /** A hidden form field. */
    Html hidden(String name, String value) {
        return raw("<input type=\"hidden\" name=\"").text(name).raw("\" value=\"").text(value).raw("\">");
    }

    /** A {@code <select>} with {@code selected} pre-chosen; the first option may be the empty "any" choice. */
    Html select(String name, String selected, String emptyLabel, Iterable<String> options) {
        raw("<select name=\"").text(name).raw("\" id=\"").text(name).raw("\">");
        if (emptyLabel != null) {
            raw("<option value=\"\">").text(emptyLabel).raw("</option>");
        }
        for (String option : options) {
            raw("<option value=\"").text(option).raw(option.equals(selected) ? "\" selected>" : "\">").text(option)
                    .raw("</option>");
        }
        return raw("</select>");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Escapes the five characters that matter in element content and quoted attribute values, and {@code $}: the
     * console resolves {@code ${name}} in the pages it frames, which turned a label {@code ${appRoot}} into the
     * console's address.
     */
    static String escape(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '$' -> "&#36;";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? value : escaped.toString();
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
