package org.fogcompute.persistence.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fogcompute.api.TaskAssignment;

/**
 * A task's placements as the text of its {@code assignments} column: {@code attempt,millis,node,strategy} per
 * placement, separated by {@code ;}, node and strategy URL-encoded. Only the newest placements that fit the column
 * are kept.
 */
final class Assignments {
    static final int MAX_CHARS = 4096;

    private Assignments() {
    }

    static String append(String stored, List<TaskAssignment> added) {
        StringBuilder text = new StringBuilder(stored == null ? "" : stored);
        for (TaskAssignment assignment : added) {
            if (text.length() > 0) {
                text.append(';');
            }
            text.append(assignment.attempt()).append(',').append(assignment.assignedAt().toEpochMilli()).append(',')
                    .append(encode(assignment.nodeId())).append(',').append(encode(assignment.strategy()));
        }
        while (text.length() > MAX_CHARS && text.indexOf(";") >= 0) {
            text.delete(0, text.indexOf(";") + 1);
        }
        return text.length() > MAX_CHARS ? null : text.toString();
    }

    static List<TaskAssignment> parse(String taskId, String stored) {
        List<TaskAssignment> assignments = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return assignments;
        }
        for (String entry : stored.split(";")) {
            String[] fields = entry.split(",", -1);
            assignments.add(new TaskAssignment(taskId, decode(fields[2]), decode(fields[3]),
                    Integer.parseInt(fields[0]), Instant.ofEpochMilli(Long.parseLong(fields[1]))));
        }
        return assignments;
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
