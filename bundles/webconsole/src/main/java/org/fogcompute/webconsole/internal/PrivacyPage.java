package org.fogcompute.webconsole.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitPlanner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Privacy: the open onion circuits by level, and each circuit's hops, client, task, expiry and rebuilds; the peer
 * directory's records and how many are online, while the p2p service runs; the mixnode consensus in force with each
 * mixnode's weight, while betanet runs; how many hidden services are registered, while vpn runs; how many messages
 * wait in the relay and in its deepest mailbox, while bitchat runs. Shown while the onion service runs; the
 * console is for admins, who may see who uses which path.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + PrivacyPage.LABEL,
        "felix.webconsole.title=Privacy",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class PrivacyPage extends ConsolePage {
    static final String LABEL = "fog-privacy";
    private static final long serialVersionUID = 1L;
    private static final int ROWS = 500;

    private final transient CircuitPlanner planner;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile org.fogcompute.api.p2p.PeerDirectory peers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile org.fogcompute.api.betanet.MixnodeDirectory mixnodes;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile org.fogcompute.api.privacy.HiddenServices hiddenServices;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile org.fogcompute.api.bitchat.MessageRelay relay;

    @Activate
    public PrivacyPage(@Reference CircuitPlanner planner, @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.planner = planner;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        List<Circuit> circuits = planner.circuits(null, 0, ROWS);
        Map<PrivacyLevel, Long> byLevel = new EnumMap<>(PrivacyLevel.class);
        circuits.forEach(c -> byLevel.merge(c.level(), 1L, Long::sum));
        html.raw("<div class=\"fog-cards\">");
        for (PrivacyLevel level : List.of(PrivacyLevel.PRIVATE, PrivacyLevel.CONFIDENTIAL, PrivacyLevel.SECRET)) {
            html.raw("<div class=\"fog-card\"><div class=\"fog-card-title\">").text(level).raw(" circuits ("
                    + planner.hops(level) + " hops)</div><div class=\"fog-card-value\" id=\"fog-circuits-")
                    .text(level.name().toLowerCase(java.util.Locale.ROOT)).raw("\">")
                    .text(byLevel.getOrDefault(level, 0L)).raw("</div></div>");
        }
        org.fogcompute.api.p2p.PeerDirectory directory = peers;
        if (directory != null) {
            org.fogcompute.api.p2p.PeerDirectory.Census census = directory.census();
            html.raw("<div class=\"fog-card\"><div class=\"fog-card-title\">Peer records (online)</div>"
                    + "<div class=\"fog-card-value\" id=\"fog-peers\">").text(census.published() + " ("
                    + census.online() + ")").raw("</div></div>");
        }
        org.fogcompute.api.privacy.HiddenServices registry = hiddenServices;
        if (registry != null) {
            html.raw("<div class=\"fog-card\"><div class=\"fog-card-title\">Hidden services</div>"
                    + "<div class=\"fog-card-value\" id=\"fog-hidden-services\">")
                    .text(registry.services(null, 0, 100_000).size()).raw("</div></div>");
        }
        org.fogcompute.api.bitchat.MessageRelay messages = relay;
        if (messages != null) {
            Map<String, Integer> depths = messages.mailboxDepths();
            int deepest = depths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            html.raw("<div class=\"fog-card\"><div class=\"fog-card-title\">Relay: messages waiting (deepest "
                    + "mailbox)</div><div class=\"fog-card-value\" id=\"fog-relay-waiting\">")
                    .text(depths.values().stream().mapToInt(Integer::intValue).sum() + " (" + deepest + ")")
                    .raw("</div></div>");
        }
        html.raw("</div>");
        html.raw("<table class=\"nicetable fog-table\" id=\"fog-circuit-table\">");
        html.headerRow("Circuit", "Client", "Task", "Level", "Hops (guard > middles > exit)", "Expires", "Rebuilds");
        html.raw("<tbody>");
        for (Circuit circuit : circuits) {
            html.raw("<tr data-circuit=\"").text(circuit.id()).raw("\">").cell(circuit.id()).cell(circuit.client())
                    .cell(circuit.taskId() == null ? "-" : circuit.taskId()).cell(circuit.level())
                    .cell(circuit.hops().stream().map(h -> h.nodeId() + " (" + h.region() + ")")
                            .collect(Collectors.joining(" > "))).cell(circuit.expiresAt()).cell(circuit.generation())
                    .raw("</tr>");
        }
        html.raw("</tbody></table>");
        if (circuits.isEmpty()) {
            html.raw("<p class=\"fog-muted\">No open circuit: they are planned for tasks that need onion routing, "
                    + "by <code>fog:circuit-plan</code> and by <code>POST /api/onion/circuits</code>.</p>");
        }
        org.fogcompute.api.betanet.MixnodeDirectory mixnet = mixnodes;
        if (mixnet != null) {
            renderConsensus(html, mixnet);
        }
    }

    private static void renderConsensus(Html html, org.fogcompute.api.betanet.MixnodeDirectory directory) {
        org.fogcompute.api.betanet.Consensus consensus = directory.consensus().orElse(null);
        if (consensus == null) {
            html.raw("<h3>Mixnode consensus</h3><p class=\"fog-muted\">None published yet.</p>");
            return;
        }
        html.raw("<h3 id=\"fog-consensus-epoch\">Mixnode consensus, epoch ").text(consensus.epoch()).raw("</h3>");
        html.raw("<p class=\"fog-muted\">Valid ").text(consensus.validAfter() + " .. " + consensus.validUntil())
                .raw(", signed by Ed25519 key <code>").text(consensus.signingKey()).raw("</code></p>");
        html.raw("<table class=\"nicetable fog-table\" id=\"fog-mixnode-table\">");
        html.headerRow("Mixnode", "Address", "Version", "Region", "Stake", "Reputation", "Performance", "Weight");
        html.raw("<tbody>");
        for (org.fogcompute.api.betanet.Mixnode m : consensus.mixnodes()) {
            html.raw("<tr>").cell(m.nodeId()).cell(m.address()).cell(m.version()).cell(m.region()).cell(m.stake())
                    .cell(org.fogcompute.api.betanet.Consensus.decimal(m.reputation()))
                    .cell(org.fogcompute.api.betanet.Consensus.decimal(m.performance()))
                    .cell(org.fogcompute.api.betanet.Consensus.decimal(m.weight())).raw("</tr>");
        }
        html.raw("</tbody></table>");
    }
}
