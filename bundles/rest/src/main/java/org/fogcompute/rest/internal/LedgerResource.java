package org.fogcompute.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.EntryKind;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.ledger.Reputation;
import org.fogcompute.rest.internal.Route.Shape;

/**
 * /api/ledger: accounts, their journal, admins' grants. Balances are money: operators and admins read them, viewers
 * do not; only admins open accounts and grant. Amounts are decimal credits in JSON (exact to the micro-credit).
 */
final class LedgerResource {
    private final Supplier<Ledger> ledger;
    private final Supplier<Reputation> reputation;

    LedgerResource(Supplier<Ledger> ledger, Supplier<Reputation> reputation) {
        this.ledger = ledger;
        this.reputation = reputation;
    }

    /** A node's reputation: points 0..200 (100 at the start), the normalised score, and the outcomes behind it. */
    record ReputationView(String nodeId, double points, double score, long successes, long failures, long lost,
                          Instant updatedAt) {
        static ReputationView of(NodeReputation r) {
            return new ReputationView(r.nodeId(), Math.round(r.points() * 1000) / 1000.0,
                    Math.round(r.score() * 10000) / 10000.0, r.successes(), r.failures(), r.lost(), r.updatedAt());
        }
    }

    record AccountView(String id, AccountKind kind, BigDecimal balance, Instant openedAt) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.kind(), credits(account.balance()), account.openedAt());
        }
    }

    record PostingView(String account, BigDecimal amount) {
    }

    record EntryView(String key, EntryKind kind, List<PostingView> postings, String memo, Instant at) {
        static EntryView of(JournalEntry entry) {
            return new EntryView(entry.key(), entry.kind(), entry.postings().stream()
                    .map(p -> new PostingView(p.accountId(), credits(p.amount()))).toList(), entry.memo(), entry.at());
        }
    }

    record AccountDetail(AccountView account, List<EntryView> journal) {
    }

    record AccountList(List<AccountView> accounts, BigDecimal totalGranted, boolean balanced) {
    }

    record OpenAccount(String id, AccountKind kind) {
    }

    /** {@code key} makes a grant idempotent (a retry with the same key grants once); generated when absent. */
    record Grant(String key, String account, BigDecimal credits, String memo) {
    }

    void register(Router router) {
        router.get("/ledger/accounts", Access.OPERATOR, "Accounts with their balances, the total granted and whether "
                + "the journal balances", this::list).tag("ledger").query("offset", "limit")
                .returns(AccountList.class);
        router.post("/ledger/accounts", Access.ADMIN, "Open an account (OPERATOR or SUBMITTER)", this::open)
                .tag("ledger").body(OpenAccount.class).returns(AccountView.class).errors(409);
        router.get("/ledger/accounts/{accountId}", Access.OPERATOR, "An account's balance and its journal, newest "
                + "first", this::detail).tag("ledger").query("offset", "limit").returns(AccountDetail.class)
                .errors(404);
        router.get("/ledger/reputation", Access.VIEWER, "Reputation of every node with outcomes, by id",
                this::reputations).tag("ledger").query("offset", "limit").returns(ReputationView.class, Shape.LIST);
        router.get("/ledger/reputation/{nodeId}", Access.VIEWER, "A node's reputation (the starting one when it has "
                + "no outcome yet)", call -> ReputationView.of(reputation().of(call.id("nodeId")))).tag("ledger")
                .returns(ReputationView.class);
        router.post("/ledger/grants", Access.ADMIN, "Grant credits to an account out of the treasury", this::grant)
                .tag("ledger").body(Grant.class).returns(EntryView.class).errors(404, 409);
    }

    private Ledger ledger() {
        return Services.require(ledger, "the ledger");
    }

    private Reputation reputation() {
        return Services.require(reputation, "node reputation");
    }

    private Object reputations(Call call) {
        call.allowQuery(Set.of("offset", "limit"));
        return reputation().all(call.queryInt("offset", 0, 0, Integer.MAX_VALUE), call.queryInt("limit", 100, 1,
                1000)).stream().map(ReputationView::of).toList();
    }

    private Object list(Call call) {
        call.allowQuery(Set.of("offset", "limit"));
        Ledger l = ledger();
        return new AccountList(l.accounts(call.queryInt("offset", 0, 0, Integer.MAX_VALUE),
                call.queryInt("limit", 100, 1, 1000)).stream().map(AccountView::of).toList(),
                credits(l.totalGranted()), l.balanced());
    }

    private Object open(Call call) {
        OpenAccount body = call.body(OpenAccount.class);
        return new Route.Reply(201, AccountView.of(ledger().open(body.id(), body.kind())));
    }

    private Object detail(Call call) {
        call.allowQuery(Set.of("offset", "limit"));
        String id = call.id("accountId");
        Ledger l = ledger();
        Account account = l.account(id).orElseThrow(() -> new NotFoundException("account '" + id + "' is not open"));
        return new AccountDetail(AccountView.of(account), l.journal(id, call.queryInt("offset", 0, 0,
                Integer.MAX_VALUE), call.queryInt("limit", 50, 1, 1000)).stream().map(EntryView::of).toList());
    }

    private Object grant(Call call) {
        Grant body = call.body(Grant.class);
        if (body.credits() == null) {
            throw ApiException.unprocessable("credits", "credits is required: how many to grant");
        }
        long micros;
        try {
            micros = body.credits().movePointRight(6).longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.unprocessable("credits", "credits must be a number with at most 6 decimals within "
                    + Credits.format(Credits.MAX_AMOUNT) + ", got " + body.credits().toPlainString());
        }
        if (micros <= 0 || micros > Credits.MAX_AMOUNT) {
            throw ApiException.unprocessable("credits", "credits must be positive and at most "
                    + Credits.format(Credits.MAX_AMOUNT) + ", got " + body.credits().toPlainString());
        }
        String key = body.key() == null ? "grant:" + UUID.randomUUID() : body.key();
        return new Route.Reply(201, EntryView.of(ledger().grant(key, body.account(), micros, body.memo())));
    }

    private static BigDecimal credits(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros();
    }
}
