package org.fogcompute.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.EntryKind;
import org.fogcompute.api.ledger.InsufficientCreditsException;
import org.fogcompute.api.ledger.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's rules on the real store over embedded Derby. */
class DoubleEntryLedgerTest {
    private DoubleEntryLedger ledger;

    @BeforeEach
    void openLedger() throws Exception {
        ledger = new DoubleEntryLedger(EmbeddedStore.open(Clock.systemUTC()), Clock.systemUTC());
        ledger.open("alice", AccountKind.SUBMITTER);
        ledger.open("op", AccountKind.OPERATOR);
        ledger.grant("grant-alice", "alice", 1_000, "starting credits");
    }

    private long balance(String id) {
        return ledger.account(id).orElseThrow().balance();
    }

    @Test
    void aCompletedTaskPaysItsOperatorAndRefundsTheRestExactlyOnce() {
        ledger.escrow("t1", "alice", 300);
        assertThat(balance("alice")).isEqualTo(700);
        assertThat(balance(DoubleEntryLedger.ESCROW_ID)).isEqualTo(300);

        JournalEntry settled = ledger.settle("t1", "op", 120);
        assertThat(settled.kind()).isEqualTo(EntryKind.SETTLE);
        assertThat(balance("op")).isEqualTo(120);
        assertThat(balance("alice")).isEqualTo(880);
        assertThat(balance(DoubleEntryLedger.ESCROW_ID)).isZero();
        // a repeated completion (a retry, a replay after a crash) pays nothing more
        assertThat(ledger.settle("t1", "op", 120)).isEqualTo(settled);
        assertThat(balance("op")).isEqualTo(120);
        assertThatThrownBy(() -> ledger.refund("t1")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("settled already");
        assertThat(ledger.balanced()).isTrue();
        assertThat(ledger.totalGranted()).isEqualTo(1_000);
    }

    @Test
    void aFailedTaskIsRefundedAndCannotBeSettledAfterwards() {
        ledger.escrow("t2", "alice", 400);
        ledger.refund("t2");
        assertThat(balance("alice")).isEqualTo(1_000);
        assertThat(ledger.refund("t2").kind()).isEqualTo(EntryKind.REFUND);
        assertThatThrownBy(() -> ledger.settle("t2", "op", 10)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("refunded already");
        assertThat(balance("op")).isZero();
        assertThatThrownBy(() -> ledger.refund("never-escrowed")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPaymentIsCappedAtWhatIsHeld() {
        ledger.escrow("t3", "alice", 100);
        ledger.settle("t3", "op", 5_000);
        assertThat(balance("op")).isEqualTo(100);
        assertThat(balance("alice")).isEqualTo(900);
    }

    @Test
    void whatCannotBePaidIsRefusedAndNothingMoves() {
        assertThatThrownBy(() -> ledger.escrow("big", "alice", 1_001))
                .isInstanceOf(InsufficientCreditsException.class);
        assertThatThrownBy(() -> ledger.transfer("x", "alice", "op", 0, null)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("amount");
        assertThatThrownBy(() -> ledger.transfer("x", "alice", "ghost", 5, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.transfer("x", "alice", Account.TREASURY_ID, 5, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ledger.grant("to-treasury", Account.TREASURY_ID, 5, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is TREASURY");
        assertThatThrownBy(() -> ledger.open("sneaky", AccountKind.TREASURY)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ledger.open("alice", AccountKind.OPERATOR)).isInstanceOf(ConflictException.class);
        // a key is one movement: reusing it for another amount is refused
        assertThatThrownBy(() -> ledger.grant("grant-alice", "alice", 5, null)).isInstanceOf(ConflictException.class);
        assertThat(balance("alice")).isEqualTo(1_000);
        assertThat(ledger.balanced()).isTrue();
    }

    @Test
    void concurrentSettlementsAndRefundsOfOneTaskReleaseItOnce() throws Exception {
        ledger.escrow("t4", "alice", 500);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean refund = i % 2 == 1;
            calls.add(pool.submit(() -> {
                try {
                    return refund ? ledger.refund("t4") : ledger.settle("t4", "op", 200);
                } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                    return null;
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        assertThat(conflicts.get()).as("the kind of release that lost the race conflicts, the other replays")
                .isEqualTo(4);
        assertThat(balance("op") + balance("alice")).isEqualTo(1_000);
        assertThat(balance("op")).isIn(0L, 200L);
        assertThat(balance(DoubleEntryLedger.ESCROW_ID)).isZero();
        assertThat(ledger.journal("alice", 0, 10)).hasSize(3);
    }
}
