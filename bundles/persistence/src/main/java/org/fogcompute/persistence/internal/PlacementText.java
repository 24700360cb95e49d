package org.fogcompute.persistence.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fogcompute.api.Placement;

/**
 * A task's placement as one text column, three lines: {@code regions=} URL-encoded regions, {@code labels=} as
 * {@link Labels}, {@code avoid=} node ids (which need no escaping), each list comma-separated.
 */
final class PlacementText {
    private PlacementText() {
    }

    static String format(Placement placement) {
        if (placement == null || placement.isEmpty()) {
            return null;
        }
        String labels = Labels.format(placement.labels());
        return "regions=" + placement.regions().stream().sorted()
                .map(region -> URLEncoder.encode(region, StandardCharsets.UTF_8)).collect(Collectors.joining(","))
                + "\nlabels=" + (labels == null ? "" : labels)
                + "\navoid=" + String.join(",", new TreeSet<>(placement.avoidNodes()));
    }

    static Placement parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Set<String> regions = Set.of();
        String labels = null;
        Set<String> avoid = Set.of();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "regions" -> regions = list(value).stream()
                        .map(region -> URLDecoder.decode(region, StandardCharsets.UTF_8))
                        .collect(Collectors.toSet());
                case "labels" -> labels = value;
                case "avoid" -> avoid = list(value);
                default -> throw new IllegalStateException("unknown placement line '" + key + "'");
            }
        }
        return new Placement(regions, Labels.parse(labels), avoid);
    }

    private static Set<String> list(String value) {
        return value.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(value.split(",")));
    }
}
