package org.fogcompute.api.deployments;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fogcompute.api.ValidationException;

/**
 * What a replica runs: an image (as a node's runtime names it) or a command, or both (the command then overrides the
 * image's entry point), with its environment and the ports it serves on (the first is the replica's endpoint).
 */
public record Workload(String image, List<String> command, Map<String, String> env, List<Integer> ports) {
    public static final int MAX_ARGS = 64;
    public static final int MAX_ARG_CHARS = 1024;
    public static final int MAX_ENV = 64;
    public static final int MAX_ENV_VALUE_CHARS = 4096;
    public static final int MAX_PORTS = 16;
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@+-]{0,255}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public Workload {
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        ports = ports == null ? List.of() : List.copyOf(ports);
        if ((image == null || image.isBlank()) && command.isEmpty()) {
            throw new ValidationException("workload", "a workload needs an image or a command");
        }
        if (image != null && !IMAGE.matcher(image).matches()) {
            throw new ValidationException("workload.image", "an image is 1-256 of letters, digits and ._/:@+- "
                    + "(e.g. nginx:1.27 or registry.example/app@sha256:...), got '" + shorten(image) + "'");
        }
        if (command.size() > MAX_ARGS) {
            throw new ValidationException("workload.command", "at most " + MAX_ARGS + " arguments, got "
                    + command.size());
        }
        for (String arg : command) {
            if (arg == null || arg.length() > MAX_ARG_CHARS || arg.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new ValidationException("workload.command", "each argument is at most " + MAX_ARG_CHARS
                        + " characters without control characters");
            }
        }
        if (env.size() > MAX_ENV) {
            throw new ValidationException("workload.env", "at most " + MAX_ENV + " variables, got " + env.size());
        }
        env.forEach((name, value) -> {
            if (!ENV_NAME.matcher(name).matches()) {
                throw new ValidationException("workload.env", "a variable name is a letter or _ then letters, "
                        + "digits or _, got '" + shorten(name) + "'");
            }
            if (value == null || value.length() > MAX_ENV_VALUE_CHARS || value.indexOf('\0') >= 0) {
                throw new ValidationException("workload.env", "the value of " + name + " is at most "
                        + MAX_ENV_VALUE_CHARS + " characters without NUL");
            }
        });
        if (ports.size() > MAX_PORTS) {
            throw new ValidationException("workload.ports", "at most " + MAX_PORTS + " ports, got " + ports.size());
        }
        for (Integer port : ports) {
            if (port == null || port < 1 || port > 65535) {
                throw new ValidationException("workload.ports", "a port is 1..65535, got " + port);
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
