package org.fogcompute.webconsole.internal;

import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.LoadBalancer;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The routing strategies and, when the balancer is installed, the load-balancing algorithms: the default marked, the
 * bundle each came from (so that a strategy hot-deployed from {@code deploy/} shows as such), and a button to make
 * another one the default.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + StrategiesPage.LABEL,
        "felix.webconsole.title=Strategies",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class StrategiesPage extends ConsolePage {
    static final String LABEL = "fog-strategies";
    private static final long serialVersionUID = 1L;

    private final transient RoutingStrategies routing;
    private final transient BundleContext bundles;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LoadBalancer balancer;

    @Activate
    public StrategiesPage(@Reference RoutingStrategies routing, @Reference CsrfGuard csrf, @Reference Flash flash,
                          BundleContext bundles) {
        super(LABEL, csrf, flash);
        this.routing = routing;
        this.bundles = bundles;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        html.raw("<h3>Routing strategies</h3>");
        table(html, context, "fog-routing-table", "set-routing", routing.names(), routing.effectiveDefault(),
                origins(bundles, RoutingStrategy.class, RoutingStrategy.NAME_PROPERTY));
        if (!routing.names().contains(routing.defaultName())) {
            html.raw("<p class=\"fog-error\">").text("The configured default '" + routing.defaultName()
                    + "' is not installed; tasks that name no strategy use '" + routing.effectiveDefault()
                    + "' until it returns.").raw("</p>");
        }
        html.raw("<p class=\"fog-muted\">A strategy bundle copied into <code>deploy/</code> appears here by itself; "
                + "the default is kept in <code>etc/org.fogcompute.routing.cfg</code>.</p>");
        LoadBalancer lb = balancer;
        if (lb != null) {
            html.raw("<h3>Load-balancing algorithms</h3>");
            table(html, context, "fog-lb-table", "set-lb", lb.algorithms(), lb.defaultAlgorithm(),
                    origins(bundles, BalancingAlgorithm.class, BalancingAlgorithm.NAME_PROPERTY));
        }
    }

    static void table(Html html, Context context, String id, String action, SortedSet<String> names,
                              String defaultName, Map<String, Bundle> origins) {
        html.raw("<table class=\"nicetable fog-table\" id=\"").text(id).raw("\">");
        html.headerRow("Name", "Default", "Bundle", "Origin", "");
        html.raw("<tbody>");
        for (String name : names) {
            boolean isDefault = name.equals(defaultName);
            Bundle bundle = origins.get(name);
            html.raw("<tr data-name=\"").text(name).raw("\"" + (isDefault ? " class=\"fog-default\"" : "") + ">")
                    .cell(name).cell(isDefault ? "★ default" : "")
                    .cell(bundle == null ? "" : bundle.getSymbolicName() + " " + bundle.getVersion())
                    .cell(bundle == null ? "" : origin(bundle)).raw("<td>");
            if (!isDefault) {
                context.button(html, action, "Make default", null, null, "name", name);
            }
            html.raw("</td></tr>");
        }
        if (defaultName != null && !names.contains(defaultName)) {
            html.raw("<tr class=\"fog-default\"><td>").text(defaultName).raw("</td><td>★ default</td><td colspan=\"3\">"
                    + "not installed now: tasks are routed by another strategy until it is back</td></tr>");
        }
        html.raw("</tbody></table>");
    }

    /** The bundle that registered each named service. */
    static Map<String, Bundle> origins(BundleContext bundles, Class<?> type, String nameProperty) {
        Map<String, Bundle> origins = new TreeMap<>();
        try {
            Collection<? extends ServiceReference<?>> references = bundles.getServiceReferences(type,
                    "(" + nameProperty + "=*)");
            for (ServiceReference<?> reference : references) {
                Object name = reference.getProperty(nameProperty);
                Bundle bundle = reference.getBundle();
                if (name != null && bundle != null) {
                    origins.put(name.toString(), bundle);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return origins;
    }

    static String origin(Bundle bundle) {
        String location = bundle.getLocation();
        if (location.contains("/deploy/")) {
            return "hot-deployed (deploy/)";
        }
        return bundle.getSymbolicName().startsWith("org.fogcompute.") && location.startsWith("mvn:org.fogcompute/")
                ? "built-in" : "installed bundle";
    }

    @Override
    String act(String action, HttpServletRequest request) {
        String name = NodesPage.required(request, "name");
        return switch (action) {
            case "set-routing" -> {
                routing.setDefault(name);
                yield "Default routing strategy is now " + name;
            }
            case "set-lb" -> {
                LoadBalancer lb = balancer;
                if (lb == null) {
                    throw new IllegalArgumentException("the load balancer is not installed");
                }
                lb.setDefaultAlgorithm(name);
                yield "Default load-balancing algorithm is now " + name;
            }
            default -> super.act(action, request);
        };
    }
}
