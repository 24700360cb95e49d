package org.fogcompute.webconsole.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.ledger.Posting;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ledger: every account with its balance, the total granted and whether the journal balances; an account's
 * journal; forms to open an account and to grant credits (a grant carries a key made with the form, so a form sent
 * twice grants once).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + LedgerPage.LABEL,
        "felix.webconsole.title=Ledger",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class LedgerPage extends ConsolePage {
    static final String LABEL = "fog-ledger";
    private static final long serialVersionUID = 1L;
    private static final int ROWS = 200;

    private final transient Ledger ledger;

    @Activate
    public LedgerPage(@Reference Ledger ledger, @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.ledger = ledger;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        boolean balanced = ledger.balanced();
        html.raw("<p>Granted in all: <strong id=\"fog-ledger-granted\">").text(Credits.format(ledger.totalGranted()))
                .raw("</strong> credits; journal <strong id=\"fog-ledger-balanced\" class=\"")
                .text(balanced ? "" : "fog-error").raw("\">").text(balanced ? "balanced" : "NOT BALANCED")
                .raw("</strong></p>");
        html.raw("<table class=\"nicetable fog-table\" id=\"fog-ledger-table\">");
        html.headerRow("Account", "Kind", "Balance (credits)", "Opened");
        html.raw("<tbody>");
        for (Account account : ledger.accounts(0, ROWS)) {
            html.raw("<tr data-account=\"").text(account.id()).raw("\"><td>")
                    .link(context.root() + "?account=" + account.id(), account.id()).raw("</td>")
                    .cell(account.kind()).cell(Credits.format(account.balance())).cell(account.openedAt())
                    .raw("</tr>");
        }
        html.raw("</tbody></table>");
        String selected = request.getParameter("account");
        if (selected != null && org.fogcompute.api.Checks.isId(selected) && ledger.account(selected).isPresent()) {
            journal(html, selected, ledger.journal(selected, 0, 50));
        }
        forms(html, context);
    }

    private static void journal(Html html, String accountId, List<JournalEntry> entries) {
        html.raw("<h3>Journal of ").text(accountId).raw("</h3><table class=\"nicetable fog-table\" "
                + "id=\"fog-journal-table\">");
        html.headerRow("At", "Kind", "Change", "Key", "Memo");
        html.raw("<tbody>");
        for (JournalEntry entry : entries) {
            long change = entry.postings().stream().filter(p -> p.accountId().equals(accountId))
                    .mapToLong(Posting::amount).sum();
            html.raw("<tr>").cell(entry.at()).cell(entry.kind()).cell((change > 0 ? "+" : "")
                    + Credits.format(change)).cell(entry.key()).cell(entry.memo() == null ? "" : entry.memo())
                    .raw("</tr>");
        }
        html.raw("</tbody></table>");
    }

    private void forms(Html html, Context context) {
        html.raw("<details class=\"fog-submit\"><summary>Open an account</summary><form method=\"post\" "
                + "id=\"fog-open-form\" action=\"").text(context.root()).raw("\">");
        context.hiddenFields(html, "open", null);
        html.raw("<label>Id <input name=\"account\" maxlength=\"128\" required></label> <label>Kind ");
        html.select("kind", AccountKind.SUBMITTER.name(), null, List.of(AccountKind.SUBMITTER.name(),
                AccountKind.OPERATOR.name()));
        html.raw("</label> <button type=\"submit\" class=\"ui-state-default ui-corner-all\">Open</button></form>"
                + "</details>");
        html.raw("<details class=\"fog-submit\" open><summary>Grant credits</summary><form method=\"post\" "
                + "id=\"fog-grant-form\" action=\"").text(context.root()).raw("\">");
        context.hiddenFields(html, "grant", null);
        html.hidden("key", "grant:" + UUID.randomUUID());
        html.raw("<label>Account <input name=\"account\" id=\"grant-account\" maxlength=\"128\" required></label> "
                + "<label>Credits <input name=\"credits\" id=\"grant-credits\" required></label> <label>Memo <input "
                + "name=\"memo\" id=\"grant-memo\" maxlength=\"256\"></label> <button type=\"submit\" "
                + "class=\"ui-state-default ui-corner-all\" id=\"fog-grant\">Grant</button></form></details>");
    }

    @Override
    String act(String action, HttpServletRequest request) {
        return switch (action) {
            case "open" -> {
                Account account = ledger.open(NodesPage.required(request, "account"), kind(request));
                yield "Account " + account.id() + " (" + account.kind() + ") is open";
            }
            case "grant" -> {
                String account = NodesPage.required(request, "account");
                long micros = micros(NodesPage.required(request, "credits"));
                String memo = request.getParameter("memo");
                ledger.grant(NodesPage.required(request, "key"), account, micros, memo == null || memo.isBlank()
                        ? null : memo);
                yield "Granted " + Credits.format(micros) + " credits to " + account;
            }
            default -> super.act(action, request);
        };
    }

    private static AccountKind kind(HttpServletRequest request) {
        String kind = NodesPage.required(request, "kind");
        try {
            return AccountKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("kind", "kind must be SUBMITTER or OPERATOR, got " + kind);
        }
    }

    private static long micros(String credits) {
        try {
            return new BigDecimal(credits.trim()).movePointRight(6).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ValidationException("credits", "credits must be a number with at most 6 decimals, got '"
                    + credits + "'");
        }
    }
}
