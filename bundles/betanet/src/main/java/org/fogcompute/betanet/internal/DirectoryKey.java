package org.fogcompute.betanet.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The coordinator's Ed25519 key that signs consensus documents, with the JDK's own provider. Kept in a file readable
 * by the runtime's user only (two lines: PKCS#8 private key, X.509 public key, base64), generated at first start, so
 * that nodes that pinned the public key keep trusting documents across restarts.
 */
final class DirectoryKey {
    private final PrivateKey privateKey;
    private final String publicKey;

    private DirectoryKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        byte[] encoded = publicKey.getEncoded();
        this.publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(encoded,
                encoded.length - 32, encoded.length));
    }

    static DirectoryKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new DirectoryKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519: " + e.getMessage(), e);
        }
    }

    static DirectoryKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            restrict(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() < 2) {
                throw new IOException(file + " does not hold a key pair (two base64 lines)");
            }
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new DirectoryKey(factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(
                    lines.get(0).trim()))), factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(
                    lines.get(1).trim()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the consensus signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the consensus signing key " + file + " is not an Ed25519 key pair: "
                    + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path temporary = Files.createTempFile(directory, "consensus-signing", ".tmp");
        try {
            restrict(temporary); // before anything secret is written into it
            Files.write(temporary, List.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }

    /** 32 raw bytes, base64url without padding. */
    String publicKey() {
        return publicKey;
    }

    /** Ed25519 signature, base64url without padding. */
    String sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the consensus key: " + e.getMessage(), e);
        }
    }
}
