package org.fogcompute.webconsole.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.services.Dependency;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceHealth;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceOrchestrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The fog services layer by layer (layer 0 starts first) with their state and health, dependency cycles, and a
 * restart button; a service whose automatic restarts are used up is restarted only when forced.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + ServicesPage.LABEL,
        "felix.webconsole.title=Services",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class ServicesPage extends ConsolePage {
    static final String LABEL = "fog-services";
    private static final long serialVersionUID = 1L;

    private final transient ServiceOrchestrator orchestrator;

    @Activate
    public ServicesPage(@Reference ServiceOrchestrator orchestrator, @Reference CsrfGuard csrf,
                        @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.orchestrator = orchestrator;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        ServiceGraph graph = orchestrator.graph();
        List<ServiceHealth> healthList = orchestrator.health();
        Map<String, ServiceHealth> health = healthList.stream()
                .collect(Collectors.toMap(ServiceHealth::service, Function.identity(), (a, b) -> a));
        html.raw("<p>Composite health: <strong id=\"fog-composite-health\">").text(ServiceHealth.composite(healthList))
                .raw("</strong> ");
        context.button(html, "check", "Check now", null, null);
        html.raw("</p>");
        if (!graph.cycles().isEmpty()) {
            html.raw("<p class=\"fog-flash fog-error\" role=\"alert\">Dependency cycles: ");
            html.text(graph.cycles().stream().map(cycle -> String.join(" → ", cycle)).collect(Collectors.joining("; ")))
                    .raw("</p>");
        }
        Map<Integer, List<ServiceInfo>> layers = new TreeMap<>(graph.services().stream()
                .collect(Collectors.groupingBy(ServiceInfo::layer)));
        html.raw("<table class=\"nicetable fog-table\" id=\"fog-service-table\">");
        html.headerRow("Service", "State", "Health", "Last check result", "Restarts", "Depends on", "Problem", "");
        layers.forEach((layer, services) -> {
            html.raw("<tbody><tr class=\"fog-layer\"><th colspan=\"8\">")
                    .text(layer < 0 ? "In a dependency cycle" : "Layer " + layer).raw("</th></tr>");
            for (ServiceInfo service : services) {
                ServiceHealth h = health.get(service.name());
                html.raw("<tr data-service=\"").text(service.name()).raw("\">")
                        .cell(service.name() + (service.critical() ? " (critical)" : "")).cell(service.state())
                        .cell(h == null ? "–" : h.restartsExhausted() ? "FAILED" : h.status().name())
                        .cell(h == null || h.lastMessage() == null ? "" : h.lastMessage())
                        .cell(service.restarts())
                        .cell(service.dependencies().stream().filter(d -> d.providedBy() != null).map(Dependency::providedBy).distinct()
                                .collect(Collectors.joining(", ")))
                        .cell(service.problem()).raw("<td>");
                boolean force = h != null && h.restartsExhausted();
                context.button(html, "restart", force ? "Force restart" : "Restart", null,
                        "Restart " + service.name() + "? Services that depend on it restart with it.",
                        "service", service.name(), "force", Boolean.toString(force));
                html.raw("</td></tr>");
            }
            html.raw("</tbody>");
        });
        html.raw("</table><p class=\"fog-muted\">Startup order: ").text(String.join(" → ", graph.startupOrder()))
                .raw("</p>");
    }

    @Override
    String act(String action, HttpServletRequest request) {
        return switch (action) {
            case "restart" -> {
                String name = NodesPage.required(request, "service");
                ServiceOrchestrator.Restart restart = orchestrator.restart(name,
                        "true".equals(request.getParameter("force")));
                yield "Service " + name + " restarted: " + restart.state() + " after " + restart.took().toMillis()
                        + " ms" + (restart.dependentsBack() ? ", dependents back"
                                : ", not everything is back: waiting for " + restart.waitingFor());
            }
            case "check" -> "Health checked: " + ServiceHealth.composite(orchestrator.checkNow());
            default -> super.act(action, request);
        };
    }
}
