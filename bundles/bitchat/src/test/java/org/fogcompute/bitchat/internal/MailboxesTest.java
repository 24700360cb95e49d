package org.fogcompute.bitchat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.bitchat.Group;
import org.fogcompute.api.bitchat.MailboxFullException;
import org.fogcompute.api.bitchat.MessageStore.StoredMessage;
import org.fogcompute.api.bitchat.Receipt;
import org.fogcompute.api.bitchat.RelayedMessage;
import org.junit.jupiter.api.Test;

class MailboxesTest {
    private Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<String> kept = new ArrayList<>();
    private final List<RelayedMessage> stored = new ArrayList<>();
    private boolean storeDown;
    private final Mailboxes mailboxes = new Mailboxes(clock, new Mailboxes.Keeper() {
        @Override
        public void saved(List<RelayedMessage> messages) {
            refuseWhenDown();
            stored.addAll(messages);
            kept.add("saved " + messages.size());
        }

        @Override
        public void delivered(String messageId, Instant at) {
            refuseWhenDown();
            kept.add("delivered");
        }

        @Override
        public void expired(List<String> messageIds, Instant at) {
            kept.add("expired " + messageIds.size());
        }

        @Override
        public void purged(Instant before) {
            kept.add("purged");
        }

        @Override
        public void group(Group group) {
            kept.add("group " + group.id());
        }
    }, new Mailboxes.Rules(2, Duration.ofHours(72), Duration.ofHours(24), 8, 100));
    private final Predicate<String> peers = Set.of("alice", "bob", "carol", "dave")::contains;

    private void refuseWhenDown() {
        if (storeDown) {
            throw new IllegalStateException("database down");
        }
    }

    private List<RelayedMessage> send(String from, String to, long ttl) {
        return mailboxes.send(from, to, "aGVsbG8=", ttl, false, peers, (s, r) -> "relay");
    }

    @Test
    void aMessageWaitsUntilAcknowledgedAndItsSenderSeesTheReceipt() {
        RelayedMessage sent = send("alice", "bob", 60).get(0);
        assertThat(mailboxes.inbox("bob", 10)).containsExactly(sent);
        assertThat(mailboxes.receipts("alice", 10)).extracting(Receipt::status).containsExactly(Receipt.Status.WAITING);

        Receipt receipt = mailboxes.acknowledge("bob", sent.id());
        assertThat(receipt.status()).isEqualTo(Receipt.Status.DELIVERED);
        assertThat(mailboxes.acknowledge("bob", sent.id())).as("idempotent").isEqualTo(receipt);
        assertThatThrownBy(() -> mailboxes.acknowledge("carol", sent.id())).isInstanceOf(NotFoundException.class);
        assertThat(mailboxes.inbox("bob", 10)).isEmpty();
        assertThat(mailboxes.receipts("alice", 10)).singleElement().extracting(Receipt::status)
                .isEqualTo(Receipt.Status.DELIVERED);
    }

    @Test
    void theSweeperExpiresWhatOutlivedItsTtlAndForgetsReceiptsAfterTheRetention() {
        RelayedMessage shortLived = send("alice", "bob", 30).get(0);
        send("alice", "bob", 3600);
        now = now.plusSeconds(29);
        assertThat(mailboxes.sweep().expired()).isZero();
        now = now.plusSeconds(1);
        assertThat(mailboxes.inbox("bob", 10)).as("not handed out once its time ran out").hasSize(1);
        assertThat(mailboxes.sweep()).isEqualTo(new Mailboxes.Swept(1, 0));
        assertThat(mailboxes.receipts("alice", 10)).filteredOn(r -> r.messageId().equals(shortLived.id()))
                .singleElement().extracting(Receipt::status).isEqualTo(Receipt.Status.EXPIRED);
        assertThat(mailboxes.depths()).containsEntry("bob", 1);

        now = now.plus(Duration.ofHours(25));
        assertThat(mailboxes.sweep()).isEqualTo(new Mailboxes.Swept(1, 1));
        assertThat(mailboxes.sweep().purged()).as("the second expired one's receipt is kept a day").isZero();
    }

    @Test
    void aFullMailboxRefusesTheWholeSendAndStoresNothing() {
        mailboxes.createGroup("alice", "friends", List.of("bob", "carol"), peers);
        send("dave", "carol", 60);
        send("dave", "carol", 60);
        int before = stored.size();
        assertThatThrownBy(() -> send("alice", "group:friends", 60)).isInstanceOf(MailboxFullException.class)
                .hasMessageContaining("carol");
        assertThat(stored).hasSize(before);
        assertThat(mailboxes.inbox("bob", 10)).as("not even for the member with room").isEmpty();
    }

    @Test
    void aGroupMessageReachesItsMembersButTheSenderAndNoOneElse() {
        mailboxes.createGroup("alice", "friends", List.of("bob", "carol"), peers);
        List<RelayedMessage> sent = send("bob", "group:friends", 60);
        assertThat(sent).extracting(RelayedMessage::recipient).containsExactlyInAnyOrder("alice", "carol");
        assertThat(sent).extracting(RelayedMessage::groupId).containsOnly("friends");
        assertThat(mailboxes.inbox("dave", 10)).isEmpty();
        assertThatThrownBy(() -> send("dave", "group:friends", 60)).as("a non-member learns nothing of the group")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mailboxes.setMembers("bob", false, "friends", List.of("dave"), peers))
                .isInstanceOf(NotFoundException.class);
        assertThat(mailboxes.setMembers("alice", false, "friends", List.of("dave"), peers).members())
                .containsExactly("alice", "dave");
    }

    @Test
    void badSendsAreRefusedNamingTheProblemAndAStoreFailureKeepsNothing() {
        assertThatThrownBy(() -> send("mallory", "bob", 60)).hasMessageContaining("no peer record");
        assertThatThrownBy(() -> send("alice", "nobody", 60)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> send("alice", "bob", 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ttlSeconds");
        assertThatThrownBy(() -> mailboxes.send("alice", "bob", "not base64!", 60, false, peers, (s, r) -> "x"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> mailboxes.send("alice", "bob", "A".repeat(32_004), 60, false, peers, (s, r) -> "x"))
                .hasMessageContaining("at most 32000");
        storeDown = true;
        assertThatThrownBy(() -> send("alice", "bob", 60)).hasMessageContaining("database down");
        assertThat(mailboxes.inbox("bob", 10)).isEmpty();
    }

    @Test
    void aRestoreBringsBackWaitingMessagesInOrder() {
        RelayedMessage first = new RelayedMessage("m1", "alice", "bob", null, "YQ==", now, now.plusSeconds(60), null);
        RelayedMessage second = new RelayedMessage("m2", "carol", "bob", null, "Yg==", now.plusSeconds(1),
                now.plusSeconds(60), "relay-9");
        RelayedMessage done = new RelayedMessage("m0", "alice", "bob", null, null, now.minusSeconds(5),
                now.plusSeconds(60), null);
        mailboxes.restore(List.of(new StoredMessage(second, Receipt.Status.WAITING, null),
                new StoredMessage(done, Receipt.Status.DELIVERED, now), new StoredMessage(first,
                        Receipt.Status.WAITING, null)), List.of(new Group("g", "alice", List.of("alice", "bob"))));
        assertThat(mailboxes.inbox("bob", 10)).containsExactly(first, second);
        assertThat(mailboxes.group("g")).isPresent();
        assertThat(mailboxes.receipts("alice", 10)).hasSize(2);
    }

    @Test
    void allWaitingPayloadsTogetherAreBoundedAndAcknowledgementsFreeRoom() {
        String forty = "A".repeat(40);
        RelayedMessage toBob = mailboxes.send("alice", "bob", forty, 60, false, peers, (s, r) -> null).get(0);
        mailboxes.send("alice", "carol", forty, 60, false, peers, (s, r) -> null);
        assertThatThrownBy(() -> mailboxes.send("alice", "dave", forty, 60, false, peers, (s, r) -> null))
                .as("120 of 100 characters").isInstanceOf(MailboxFullException.class)
                .hasMessageContaining("max.waiting.megabytes");
        assertThat(mailboxes.inbox("dave", 10)).isEmpty();
        mailboxes.acknowledge("bob", toBob.id());
        assertThat(mailboxes.send("alice", "dave", forty, 60, false, peers, (s, r) -> null)).hasSize(1);
    }

    /**
     * Two sends are written to the database at the same time (the keeper lets neither finish until both are in it),
     * and the room they reserved meanwhile refuses the others: a mailbox is never overfilled.
     */
    @Test
    void concurrentSendsAreWrittenOutsideTheLockAndNeverOverfillAMailbox() throws Exception {
        java.util.concurrent.CyclicBarrier bothWriting = new java.util.concurrent.CyclicBarrier(2);
        Mailboxes parallel = new Mailboxes(clock, new Mailboxes.Keeper() {
            @Override
            public void saved(List<RelayedMessage> messages) {
                try {
                    bothWriting.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the two writes did not overlap: " + e, e);
                }
            }

            @Override
            public void delivered(String messageId, Instant at) {
            }

            @Override
            public void expired(List<String> messageIds, Instant at) {
            }

            @Override
            public void purged(Instant before) {
            }

            @Override
            public void group(Group group) {
            }
        }, new Mailboxes.Rules(2, Duration.ofHours(72), Duration.ofHours(24), 8, 1_000_000));
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            outcomes.add(senders.submit(() -> {
                try {
                    parallel.send("alice", "bob", "aGk=", 60, false, peers, (s, r) -> null);
                    return "sent";
                } catch (MailboxFullException full) {
                    return "full";
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (java.util.concurrent.Future<String> outcome : outcomes) {
            results.add(outcome.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        senders.shutdown();
        assertThat(results).filteredOn("sent"::equals).hasSize(2);
        assertThat(results).filteredOn("full"::equals).hasSize(4);
        assertThat(parallel.inbox("bob", 10)).hasSize(2);
    }
}
