package org.fogcompute.webconsole.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.scheduling.CompletionPredictions;
import org.fogcompute.api.scheduling.PredictionError;
import org.fogcompute.api.scheduling.QueueStats;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.fogcompute.api.scheduling.TaskQueue;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The scheduling queue: the strategies (with a button to change the default, which re-sorts the queue), how many
 * tasks are ready, backing off and parked by reason, the oldest wait, time to placement per priority class, and the
 * completion model's measured error. The two charts are drawn on the server as SVG: no script, nothing fetched.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + SchedulerPage.LABEL,
        "felix.webconsole.title=Scheduler",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class SchedulerPage extends ConsolePage {
    static final String LABEL = "fog-scheduler";
    private static final long serialVersionUID = 1L;

    private final transient SchedulingStrategies strategies;
    private final transient TaskQueue queue;
    private final transient BundleContext bundles;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CompletionPredictions predictions;

    @Activate
    public SchedulerPage(@Reference SchedulingStrategies strategies, @Reference TaskQueue queue,
                         @Reference CsrfGuard csrf, @Reference Flash flash, BundleContext bundles) {
        super(LABEL, csrf, flash);
        this.strategies = strategies;
        this.queue = queue;
        this.bundles = bundles;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        QueueStats stats = queue.stats();
        html.raw("<h3>Queue</h3><table class=\"nicetable fog-table\" id=\"fog-queue-table\">");
        html.headerRow("Part", "Tasks");
        html.raw("<tbody>");
        Map<String, Integer> depth = new LinkedHashMap<>();
        depth.put("ready", stats.active());
        depth.put("backoff", stats.backoff());
        stats.parked().forEach((reason, count) -> depth.put("parked " + reason, count));
        depth.forEach((part, count) -> html.raw("<tr data-part=\"").text(part).raw("\">").cell(part).cell(count)
                .raw("</tr>"));
        html.raw("</tbody></table>");
        html.raw("<p>Waiting: <strong id=\"fog-queue-total\">").text(stats.total()).raw("</strong>; oldest wait: ")
                .text(stats.oldestQueuedAt() == null ? "-" : Duration.between(stats.oldestQueuedAt(), Instant.now())
                        .toSeconds() + " s").raw("; failed DEADLINE_EXCEEDED: ").text(stats.deadlineExceeded())
                .raw("; order: ").text(stats.strategy() == null ? "priority (built in)" : stats.strategy())
                .raw("</p>");
        bars(html, "fog-queue-chart", "Queue depth", depth, "tasks");

        html.raw("<h3>Time to placement</h3><table class=\"nicetable fog-table\" id=\"fog-wait-table\">");
        html.headerRow("Priority", "Placed", "p50 (ms)", "p99 (ms)", "max (ms)");
        html.raw("<tbody>");
        Map<String, Integer> p99 = new LinkedHashMap<>();
        stats.timeToPlacement().forEach((priority, w) -> {
            html.raw("<tr>").cell(priority).cell(w.samples()).cell(w.p50Millis()).cell(w.p99Millis())
                    .cell(w.maxMillis()).raw("</tr>");
            p99.put("priority " + priority, (int) Math.min(Integer.MAX_VALUE, w.p99Millis()));
        });
        html.raw("</tbody></table>");
        bars(html, "fog-wait-chart", "p99 wait by priority class", p99, "ms");

        PredictionError error = predictions == null ? null : predictions.error();
        html.raw("<h3>Completion model</h3><p id=\"fog-model-error\">");
        if (error == null) {
            html.text("The scheduler bundle (ADAPTIVE, SLA) is not installed.");
        } else if (error.predictions() == 0) {
            html.text("No completed task scored yet.");
        } else {
            html.text(String.format(Locale.ROOT, "Over the latest %d completions: duration MdAPE %.1f %%, mean "
                    + "|ln(actual/predicted)| %.3f, 90 %% interval coverage %.1f %%, Brier %.4f (skill %.3f against "
                    + "the fleet-wide success rate).", error.predictions(), 100 * error.medianAbsolutePercentageError(),
                    error.meanAbsoluteLogRatio(), 100 * error.intervalCoverage(), error.brier(), error.brierSkill()));
        }
        html.raw("</p>");

        html.raw("<h3>Scheduling strategies</h3>");
        StrategiesPage.table(html, context, "fog-scheduling-table", "set-scheduling", strategies.names(),
                strategies.effectiveDefault(), StrategiesPage.origins(bundles, SchedulingStrategy.class,
                        SchedulingStrategy.NAME_PROPERTY));
        html.raw("<p class=\"fog-muted\">The default orders the queue and admits and places tasks that name no "
                + "scheduling strategy; it is kept in <code>etc/org.fogcompute.scheduling.cfg</code>. A task's own "
                + "routing strategy, when it names one, still chooses its node.</p>");
        context.button(html, "flush", "Try every parked task now", null, null);
    }

    /** A horizontal bar chart as inline SVG, scaled to the largest value. */
    static void bars(Html html, String id, String title, Map<String, Integer> values, String unit) {
        int max = values.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int rowHeight = 22;
        int height = Math.max(1, values.size()) * rowHeight + 8;
        html.raw("<svg class=\"fog-chart\" id=\"").text(id).raw("\" role=\"img\" width=\"560\" height=\"")
                .text(height).raw("\" aria-label=\"").text(title).raw("\"><title>").text(title).raw("</title>");
        int y = 4;
        for (Map.Entry<String, Integer> entry : values.entrySet()) {
            int width = max == 0 ? 0 : (int) Math.round(300.0 * entry.getValue() / max);
            html.raw("<text x=\"0\" y=\"").text(y + 15).raw("\" font-size=\"12\">").text(entry.getKey())
                    .raw("</text><rect x=\"190\" y=\"").text(y + 3).raw("\" height=\"14\" width=\"").text(width)
                    .raw("\" fill=\"#4a7ab5\"></rect><text x=\"").text(196 + width).raw("\" y=\"").text(y + 15)
                    .raw("\" font-size=\"12\">").text(entry.getValue() + " " + unit).raw("</text>");
            y += rowHeight;
        }
        html.raw("</svg>");
    }

    @Override
    String act(String action, HttpServletRequest request) {
        return switch (action) {
            case "set-scheduling" -> {
                String name = NodesPage.required(request, "name");
                strategies.setDefault(name);
                yield "Default scheduling strategy is now " + name + "; the queue is re-sorted in its order";
            }
            case "flush" -> queue.flush() + " parked task(s) tried again";
            default -> super.act(action, request);
        };
    }
}
