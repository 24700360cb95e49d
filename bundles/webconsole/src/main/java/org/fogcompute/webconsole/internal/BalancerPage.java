package org.fogcompute.webconsole.internal;

import java.util.List;
import java.util.Locale;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.balancing.CircuitBreakers;
import org.fogcompute.api.balancing.CircuitState;
import org.fogcompute.api.balancing.LoadBalancer;
import org.fogcompute.api.balancing.ScalingAdvisor;
import org.fogcompute.api.balancing.ScalingEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The load balancer: its default algorithm, every node's circuit breaker (with reset), scaling recommendations. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + BalancerPage.LABEL,
        "felix.webconsole.title=Load balancer",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class BalancerPage extends ConsolePage {
    static final String LABEL = "fog-balancer";
    private static final long serialVersionUID = 1L;

    private final transient LoadBalancer balancer;
    private final transient CircuitBreakers circuits;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ScalingAdvisor scaling;

    @Activate
    public BalancerPage(@Reference LoadBalancer balancer, @Reference CircuitBreakers circuits,
                        @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.balancer = balancer;
        this.circuits = circuits;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        html.raw("<p>Default algorithm: <strong id=\"fog-lb-default\">").text(balancer.defaultAlgorithm())
                .raw("</strong> (").link(context.page(StrategiesPage.LABEL), "change").raw(")</p>");
        List<CircuitState> states = circuits.states();
        html.raw("<h3>Circuit breakers</h3><table class=\"nicetable fog-table\" id=\"fog-circuit-table\">");
        html.headerRow("Node", "State", "Health", "Consecutive failures", "Failures", "Successes", "Opened",
                "Retry at", "");
        html.raw("<tbody>");
        for (CircuitState state : states) {
            html.raw("<tr data-node=\"").text(state.nodeId()).raw("\">").cell(state.nodeId()).cell(state.state())
                    .cell(state.health()).cell(state.consecutiveFailures()).cell(state.failures())
                    .cell(state.successes()).cell(state.openedAt()).cell(state.retryAt()).raw("<td>");
            if (state.state() != CircuitState.State.CLOSED || state.consecutiveFailures() > 0) {
                context.button(html, "reset", "Reset", null, null, "node", state.nodeId());
            }
            html.raw("</td></tr>");
        }
        if (states.isEmpty()) {
            html.raw("<tr><td colspan=\"9\">No node has a circuit yet (one is made at a node's first outcome)."
                    + "</td></tr>");
        }
        html.raw("</tbody></table>");
        ScalingAdvisor advisor = scaling;
        if (advisor != null) {
            List<ScalingEvent> events = advisor.events();
            html.raw("<h3>Scaling recommendations</h3><table class=\"nicetable fog-table\" id=\"fog-scaling-table\">");
            html.headerRow("At", "Direction", "CPU %", "Memory %", "Nodes", "Reason");
            html.raw("<tbody>");
            for (int i = events.size() - 1; i >= 0; i--) {
                ScalingEvent event = events.get(i);
                html.raw("<tr>").cell(event.at()).cell(event.direction())
                        .cell(String.format(Locale.ROOT, "%.1f", event.averageCpuPercent()))
                        .cell(String.format(Locale.ROOT, "%.1f", event.averageMemoryPercent())).cell(event.nodes())
                        .cell(event.reason()).raw("</tr>");
            }
            if (events.isEmpty()) {
                html.raw("<tr><td colspan=\"6\">No recommendation: the fleet is within its thresholds.</td></tr>");
            }
            html.raw("</tbody></table>");
        }
    }

    @Override
    String act(String action, HttpServletRequest request) {
        if (!action.equals("reset")) {
            return super.act(action, request);
        }
        String node = NodesPage.required(request, "node");
        circuits.reset(node);
        return "Circuit of " + node + " closed";
    }
}
