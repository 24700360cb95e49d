package org.fogcompute.vpn.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A hidden service's address from its Ed25519 public key, as Tor's v3 onion addresses are derived (rend-spec-v3
 * §6): {@code base32(key || checksum || 0x03) + ".onion"}, the checksum the first two bytes of
 * {@code SHA3-256(".onion checksum" || key || 0x03)} (the JDK's SHA3). Base32 (RFC 4648, lower case, no padding) is
 * the dozen lines below rather than a library bundle for them.
 */
final class OnionAddress {
    private static final byte VERSION = 3;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private OnionAddress() {
    }

    static String of(byte[] publicKey) {
        byte[] checksum;
        try {
            MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
            sha3.update(".onion checksum".getBytes(StandardCharsets.US_ASCII));
            sha3.update(publicKey);
            sha3.update(VERSION);
            checksum = sha3.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA3-256", e);
        }
        byte[] address = new byte[publicKey.length + 3];
        System.arraycopy(publicKey, 0, address, 0, publicKey.length);
        address[publicKey.length] = checksum[0];
        address[publicKey.length + 1] = checksum[1];
        address[publicKey.length + 2] = VERSION;
        return base32(address) + ".onion";
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
