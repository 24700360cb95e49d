package org.fogcompute.vpn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.HiddenService;
import org.junit.jupiter.api.Test;

class HiddenServiceBookTest {
    private final FakeOnion onion = new FakeOnion();
    private final List<String> stored = new ArrayList<>();
    private final HiddenServiceBook book = new HiddenServiceBook(Clock.systemUTC(), onion,
            new HiddenServiceBook.Rules(3, 0.5, 2));
    private final HiddenServiceBook.Keeper keeper = new HiddenServiceBook.Keeper() {
        @Override
        public void keep(HiddenService service) {
            stored.add("keep " + service.id() + " " + service.generation());
        }

        @Override
        public void forget(String id) {
            stored.add("forget " + id);
        }
    };

    /** Real v3 onion addresses: the key is their first 32 bytes; the checksum and version must come out the same. */
    @Test
    void addressesAreDerivedAsTorDerivesV3Addresses() {
        for (String address : List.of("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion",
                "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion")) {
            byte[] decoded = base32Decode(address.substring(0, 56));
            assertThat(OnionAddress.of(Arrays.copyOf(decoded, 32))).isEqualTo(address);
        }
    }

    private static String[] registration(KeyPair key, String id) throws Exception {
        byte[] encoded = key.getPublic().getEncoded();
        String publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(encoded,
                encoded.length - 32, encoded.length));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(("fog-hidden-service/1\n" + id + "\n" + publicKey + "\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        return new String[] {publicKey, Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign())};
    }

    @Test
    void whoHoldsTheKeyRegistersOnceWithIntroductionPointsReChosenWhenOneFails() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String[] proof = registration(key, "shop");
        HiddenService shop = book.register("alice", "shop", proof[0], proof[1], keeper);
        assertThat(shop.onionAddress()).hasSize(62).endsWith(".onion");
        assertThat(shop.introductionPoints()).extracting(CircuitHop::nodeId).containsExactly("r1", "r2", "r3");
        assertThat(book.byAddress(shop.onionAddress())).contains(shop);

        assertThatThrownBy(() -> book.register("alice", "shop", proof[0], proof[1], keeper))
                .isInstanceOf(ConflictException.class).hasMessageContaining("registered already");
        String[] again = registration(key, "shop-2");
        assertThatThrownBy(() -> book.register("alice", "shop-2", again[0], again[1], keeper))
                .isInstanceOf(ConflictException.class).hasMessageContaining("this key");
        String[] otherKey = registration(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "stolen");
        assertThatThrownBy(() -> book.register("mallory", "stolen", proof[0], otherKey[1], keeper))
                .isInstanceOf(ValidationException.class).hasMessageContaining("does not verify");

        onion.relays.remove("r2");
        assertThat(book.nodeFailed("r2", keeper)).isEmpty();
        HiddenService moved = book.service("shop").orElseThrow();
        assertThat(moved.introductionPoints()).extracting(CircuitHop::nodeId).doesNotContain("r2").hasSize(3);
        assertThat(moved.generation()).isEqualTo(1);
        assertThat(moved.onionAddress()).isEqualTo(shop.onionAddress());
        assertThat(stored).containsExactly("keep shop 0", "keep shop 1");

        assertThat(book.remove("shop", keeper)).isTrue();
        assertThat(book.remove("shop", keeper)).isFalse();
        assertThat(book.byAddress(shop.onionAddress())).isEmpty();
    }

    @Test
    void aServiceThatCannotBeReintroducedKeepsThePointsThatStillRelay() throws Exception {
        String[] proof = registration(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "blog");
        book.register("bob", "blog", proof[0], proof[1], keeper);
        onion.relays = new ArrayList<>(List.of("r1", "r3"));
        assertThat(book.nodeFailed("r2", keeper)).singleElement().asString().contains("blog");
        assertThat(book.service("blog").orElseThrow().introductionPoints()).extracting(CircuitHop::nodeId)
                .containsExactly("r1", "r3");
    }

    @Test
    void anOwnerHasAtMostTheConfiguredNumberAndAStoreFailureRegistersNothing() throws Exception {
        for (String id : List.of("a", "b")) {
            String[] proof = registration(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), id);
            book.register("carol", id, proof[0], proof[1], keeper);
        }
        String[] third = registration(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "c");
        assertThatThrownBy(() -> book.register("carol", "c", third[0], third[1], keeper))
                .hasMessageContaining("the most one owner may have");
        assertThatThrownBy(() -> book.register("dave", "c", third[0], third[1], new HiddenServiceBook.Keeper() {
            @Override
            public void keep(HiddenService service) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void forget(String id) {
            }
        })).hasMessageContaining("database down");
        assertThat(book.service("c")).isEmpty();
    }

    private static byte[] base32Decode(String text) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
