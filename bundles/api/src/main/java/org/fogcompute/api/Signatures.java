package org.fogcompute.api;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * What the fleet's signed records share: keys and signatures as base64url without padding, Ed25519 verified with the
 * JDK's own provider (Java 15+; nothing to embed). A raw 32-byte public key becomes an X.509 SubjectPublicKeyInfo by
 * its fixed 12-byte prefix (RFC 8410).
 */
public final class Signatures {
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Signatures() {
    }

    /** Decodes base64url without padding of exactly {@code length} bytes, or a 422 naming the field. */
    public static byte[] base64url(String field, String value, int length) {
        byte[] bytes;
        try {
            bytes = value == null ? null : Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw new ValidationException(field, field + " must be base64url without padding: "
                    + notBase64.getMessage());
        }
        if (bytes == null || bytes.length != length || value.endsWith("=")) {
            throw new ValidationException(field, field + " must be " + length + " bytes in base64url without padding"
                    + (bytes == null ? "" : ", got " + bytes.length + " bytes"));
        }
        return bytes;
    }

    /** Whether an Ed25519 signature over the message verifies with the raw public key; false for malformed input. */
    public static boolean ed25519Verifies(byte[] rawPublicKey, byte[] message, byte[] signature) {
        try {
            byte[] encoded = new byte[X509_PREFIX.length + rawPublicKey.length];
            System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
            System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, rawPublicKey.length);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }
}
