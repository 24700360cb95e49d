package org.fogcompute.metrics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Who may scrape: a caller from one of the networks allowed without a token (by default the host itself), or one that
 * presents the scrape token as {@code Authorization: Bearer <token>}. The token is configured, or generated at first
 * start into an owner-only file that Prometheus reads ({@code authorization.credentials_file}).
 */
final class ScrapeGuard {
    /** A network in CIDR notation. */
    record Network(byte[] address, int prefix) {
        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            if (!parts[0].trim().matches("[0-9a-fA-F.:]+")) { // a literal address: never a name to look up
                throw new IllegalArgumentException("not a network in CIDR notation: '" + cidr + "'");
            }
            try {
                byte[] address = InetAddress.getByName(parts[0].trim()).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : address.length * 8;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("not a network in CIDR notation: '" + cidr + "'");
                }
                return new Network(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a network in CIDR notation: '" + cidr + "'", e);
            }
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }

    private final byte[] token;
    private final List<Network> open;

    ScrapeGuard(String token, List<Network> open) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.open = List.copyOf(open);
    }

    static List<Network> networks(String[] cidrs) {
        List<Network> networks = new ArrayList<>();
        for (String cidr : cidrs == null ? new String[0] : cidrs) {
            for (String one : cidr.split(",")) {
                if (!one.isBlank()) {
                    networks.add(Network.parse(one));
                }
            }
        }
        return networks;
    }

    /** The configured token, or the one in the file (generated there, owner-only, at first use). */
    static String tokenOf(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "scrape", ".tmp");
                try {
                    try {
                        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the directory's ACL applies
                    }
                    Files.writeString(temporary, HexFormat.of().formatHex(random));
                    Files.move(temporary, file);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the scrape token " + file, e);
        }
    }

    /** Whether a caller from this address, with this Authorization header (null when none), may scrape. */
    boolean admits(String remoteAddress, String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        try {
            byte[] address = InetAddress.getByName(remoteAddress).getAddress();
            return open.stream().anyMatch(n -> n.contains(address));
        } catch (UnknownHostException | RuntimeException unparsable) {
            return false;
        }
    }
}
