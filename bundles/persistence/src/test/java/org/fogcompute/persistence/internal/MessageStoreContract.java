package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.fogcompute.api.bitchat.Group;
import org.fogcompute.api.bitchat.MessageStore.StoredMessage;
import org.fogcompute.api.bitchat.Receipt;
import org.fogcompute.api.bitchat.RelayedMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The message relay's store on a real database; subclasses say which one. */
abstract class MessageStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private DataSource dataSource;
    private JdbcMessageStore store;

    protected abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void openStore() throws SQLException {
        dataSource = emptyDatabase();
        new SchemaMigrator(dataSource).migrate();
        store = new JdbcMessageStore(dataSource, () -> { });
    }

    private static RelayedMessage message(String id, int second, String payload) {
        return new RelayedMessage(id, "alice", "bob", id.startsWith("g") ? "friends" : null, payload,
                T0.plusSeconds(second), T0.plusSeconds(second + 60), id.equals("m2") ? "relay-1" : null);
    }

    @Test
    void messagesAreKeptUntilSettledThenWithoutPayloadUntilPurged() {
        String large = "A".repeat(32_000);
        store.saveMessages(List.of(message("m1", 1, "aGk="), message("m2", 2, large), message("g3", 3, "eW8=")));
        assertThat(store.markDelivered("m1", T0.plusSeconds(10))).isTrue();
        assertThat(store.markDelivered("m1", T0.plusSeconds(11))).as("once").isFalse();
        store.markExpired(List.of("g3"), T0.plusSeconds(70));

        assertThat(new JdbcMessageStore(dataSource, () -> { }).messages()).containsExactly(
                new StoredMessage(message("m1", 1, null), Receipt.Status.DELIVERED, T0.plusSeconds(10)),
                new StoredMessage(message("m2", 2, large), Receipt.Status.WAITING, null),
                new StoredMessage(message("g3", 3, null), Receipt.Status.EXPIRED, T0.plusSeconds(70)));

        store.purgeSettled(T0.plusSeconds(60));
        assertThat(store.messages()).extracting(m -> m.message().id()).containsExactly("m2", "g3");
    }

    @Test
    void aGroupIsKeptWithItsMembersInOrderAndReplaced() {
        store.saveGroup(new Group("friends", "alice", List.of("alice", "carol", "bob")));
        store.saveGroup(new Group("friends", "alice", List.of("alice", "bob")));
        store.saveGroup(new Group("team", "dave", List.of("dave")));
        assertThat(store.groups()).containsExactly(new Group("friends", "alice", List.of("alice", "bob")),
                new Group("team", "dave", List.of("dave")));
    }
}
