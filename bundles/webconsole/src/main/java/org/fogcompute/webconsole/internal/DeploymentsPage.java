package org.fogcompute.webconsole.internal;

import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentQuery;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.Deployments;
import org.fogcompute.api.deployments.Replica;
import org.fogcompute.api.deployments.Workload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Deployments: each with its replicas (slot, node, state in colour, health, restarts, endpoint, generation) and why it
 * is not complete; create, scale and delete.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + DeploymentsPage.LABEL,
        "felix.webconsole.title=Deployments",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class DeploymentsPage extends ConsolePage {
    static final String LABEL = "fog-deployments";
    private static final long serialVersionUID = 1L;

    private final transient Deployments deployments;

    @Activate
    public DeploymentsPage(@Reference Deployments deployments, @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.deployments = deployments;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        createForm(html, context);
        List<Deployment> all = deployments.list(DeploymentQuery.all()).items();
        if (all.isEmpty()) {
            html.raw("<p class=\"fog-muted\" id=\"fog-no-deployments\">No deployments yet.</p>");
        }
        for (Deployment d : all) {
            html.raw("<h3 id=\"fog-deployment-").text(d.name()).raw("\">").text(d.name() + ": " + d.ready() + " of "
                    + d.spec().replicas() + " ready, generation " + d.generation()).raw("</h3>");
            html.raw("<p class=\"fog-muted\">").text((d.spec().workload().image() != null
                    ? d.spec().workload().image() : String.join(" ", d.spec().workload().command()))
                    + ", " + d.spec().resources().cpuCores() + " cpu / " + d.spec().resources().memoryMb() + " MB"
                    + (d.spec().regions().isEmpty() ? "" : ", in " + d.spec().regions())
                    + (d.owner() == null ? "" : ", created by " + d.owner())).raw("</p>");
            if (d.problem() != null) {
                html.raw("<p class=\"fog-flash fog-error\">").text(d.problem()).raw("</p>");
            }
            html.raw("<table class=\"nicetable fog-table\" data-deployment=\"").text(d.name()).raw("\">");
            html.headerRow("Slot", "Task", "Node", "State", "Health", "Restarts", "Endpoint", "Generation");
            html.raw("<tbody>");
            for (Replica r : d.replicas()) {
                html.raw("<tr>").cell(r.slot()).cell(r.taskId()).cell(r.nodeId() == null ? "-" : r.nodeId())
                        .raw("<td class=\"fog-replica-").text(r.state().name()).raw("\">").text(r.state())
                        .raw("</td>").cell(r.health()).cell(r.restarts())
                        .cell(r.endpoint() == null ? "-" : r.endpoint()).cell(r.generation()).raw("</tr>");
            }
            html.raw("</tbody></table><div class=\"fog-actions\">");
            html.raw("<form method=\"post\" class=\"fog-inline\" action=\"").text(context.root()).raw("\">");
            context.hiddenFields(html, "scale", null);
            html.hidden("name", d.name());
            html.raw("<label>Replicas <input name=\"replicas\" type=\"number\" min=\"0\" max=\"")
                    .text(DeploymentSpec.MAX_REPLICAS).raw("\" value=\"").text(d.spec().replicas())
                    .raw("\"></label> <button type=\"submit\" class=\"ui-state-default ui-corner-all\" "
                            + "data-action=\"scale\">Scale</button></form>");
            context.button(html, "delete", "Delete", null, "Delete deployment " + d.name() + " and take its "
                    + d.replicas().size() + " replicas down?", "name", d.name());
            html.raw("</div>");
        }
    }

    private static void createForm(Html html, Context context) {
        html.raw("<details class=\"fog-submit\"><summary>Create a deployment</summary>"
                + "<form method=\"post\" id=\"fog-deploy-form\" action=\"").text(context.root()).raw("\">");
        context.hiddenFields(html, "create", null);
        html.raw("<label>Name <input name=\"name\" id=\"deploy-name\" maxlength=\"63\" "
                + "pattern=\"[a-z0-9]([a-z0-9\\-]*[a-z0-9])?\"></label> "
                + "<label>Image <input name=\"image\" id=\"deploy-image\" maxlength=\"256\"></label> "
                + "<label>Replicas <input name=\"replicas\" id=\"deploy-replicas\" type=\"number\" min=\"0\" "
                + "value=\"1\"></label> "
                + "<label>CPU cores <input name=\"cpu\" type=\"number\" min=\"1\" value=\"1\"></label> "
                + "<label>Memory (MB) <input name=\"memory\" type=\"number\" min=\"1\" value=\"256\"></label> "
                + "<label>Port <input name=\"port\" type=\"number\" min=\"1\" max=\"65535\"></label> "
                + "<button type=\"submit\" class=\"ui-state-default ui-corner-all\" id=\"fog-deploy-create\">"
                + "Create</button></form></details>");
    }

    @Override
    String act(String action, HttpServletRequest request) {
        String user = user(request);
        return switch (action) {
            case "create" -> {
                String port = request.getParameter("port");
                Workload workload = new Workload(blankToNull(request.getParameter("image")), null, null,
                        port == null || port.isBlank() ? null : List.of(number(request, "port", 0)));
                DeploymentSpec spec = new DeploymentSpec(NodesPage.required(request, "name"), workload,
                        new TaskRequirements(number(request, "cpu", 1), number(request, "memory", 256), 0, false),
                        number(request, "replicas", 1), null, null, false, null, null);
                Deployment created = deployments.create(spec, user.isEmpty() ? null : user);
                yield "Deployment " + created.name() + " created: " + created.replicas().size() + " of "
                        + spec.replicas() + " replicas submitted";
            }
            case "scale" -> {
                String name = NodesPage.required(request, "name");
                Deployment scaled = deployments.scale(name, number(request, "replicas", -1));
                yield "Deployment " + name + " scaled to " + scaled.spec().replicas() + " replicas";
            }
            case "delete" -> {
                String name = NodesPage.required(request, "name");
                yield "Deployment " + name + " deleted; " + deployments.delete(name).replicas().size()
                        + " replicas taken down";
            }
            default -> super.act(action, request);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int number(HttpServletRequest request, String name, int absent) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            if (absent < 0) {
                throw new IllegalArgumentException(name + " is required");
            }
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
