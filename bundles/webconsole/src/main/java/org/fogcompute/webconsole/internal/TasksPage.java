package org.fogcompute.webconsole.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.routing.RoutingStrategies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tasks by state; submitting one from a form with a choice of strategy; cancelling one that has not finished. */
@Component(service = Servlet.class, configurationPid = ConsoleSettings.PID, property = {
        "felix.webconsole.label=" + TasksPage.LABEL,
        "felix.webconsole.title=Tasks",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class TasksPage extends ConsolePage {
    static final String LABEL = "fog-tasks";
    private static final long serialVersionUID = 1L;
    private static final Set<TaskStatus> CANCELLABLE = EnumSet.of(TaskStatus.PENDING, TaskStatus.ASSIGNED,
            TaskStatus.RUNNING);

    private final transient TaskService tasks;
    private final transient RoutingStrategies strategies;
    private final int pageSize;

    @Activate
    public TasksPage(@Reference TaskService tasks, @Reference RoutingStrategies strategies,
                     @Reference CsrfGuard csrf, @Reference Flash flash, ConsoleSettings settings) {
        super(LABEL, csrf, flash);
        this.tasks = tasks;
        this.strategies = strategies;
        this.pageSize = Math.max(1, settings.page_size());
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        TaskStatus state = NodesPage.parse(TaskStatus.class, request.getParameter("state"));
        submitForm(html, context);

        html.raw("<h3>Tasks</h3><p class=\"fog-tabs\" id=\"fog-task-states\">");
        html.raw(state == null ? "<strong>" : "").link(context.root(), "All (" + count(null) + ")")
                .raw(state == null ? "</strong>" : "");
        for (TaskStatus status : TaskStatus.values()) {
            html.raw(" · ").raw(status == state ? "<strong>" : "").link("?state=" + status,
                    status + " (" + count(status) + ")").raw(status == state ? "</strong>" : "");
        }
        html.raw("</p>");

        // the coordinator lists oldest first; an operator looks for the newest
        int total = count(state);
        List<Task> page = new ArrayList<>(tasks.list(new TaskQuery(state, null, Math.max(0, total - pageSize),
                pageSize)).items());
        Collections.reverse(page);
        String back = state == null ? null : "state=" + state;
        html.raw("<table class=\"nicetable fog-table\" id=\"fog-task-table\">");
        html.headerRow("Id", "Status", "Type", "Node", "Routed by", "Priority", "CPU", "Memory (MB)", "GPU",
                "Submitted", "Message", "");
        html.raw("<tbody>");
        for (Task task : page) {
            html.raw("<tr data-task=\"").text(task.id()).raw("\">").cell(task.id()).cell(task.status())
                    .cell(task.spec().type());
            if (task.nodeId() == null) {
                html.cell("");
            } else {
                html.raw("<td>").link(context.page(NodesPage.LABEL) + "?node=" + Html.url(task.nodeId()), task.nodeId()).raw("</td>");
            }
            TaskRequirements needs = task.requirements();
            html.cell(task.routedBy()).cell(task.priority()).cell(needs.cpuCores()).cell(needs.memoryMb())
                    .cell(needs.gpu() ? "yes" : "").cell(task.submittedAt()).cell(task.message()).raw("<td>");
            if (CANCELLABLE.contains(task.status())) {
                context.button(html, "cancel", "Cancel", back, "Cancel task " + task.id() + "?", "task", task.id());
            }
            html.raw("</td></tr>");
        }
        if (page.isEmpty()) {
            html.raw("<tr><td colspan=\"12\">No task").text(state == null ? "" : " in state " + state)
                    .raw(".</td></tr>");
        }
        html.raw("</tbody></table>");
        if (total > page.size()) {
            html.raw("<p class=\"fog-muted\">").text("Showing the newest " + page.size() + " of " + total + " tasks.")
                    .raw("</p>");
        }
    }

    private void submitForm(Html html, Context context) {
        html.raw("<details class=\"fog-submit\" open><summary>Submit a task</summary>"
                + "<form method=\"post\" id=\"fog-submit-form\" action=\"").text(context.root()).raw("\">");
        context.hiddenFields(html, "submit", null);
        html.raw("<label>Type <input name=\"type\" id=\"type\" value=\"compute\" maxlength=\"128\"></label> ");
        html.raw("<label>Priority <input name=\"priority\" id=\"priority\" type=\"number\" min=\"1\" max=\"10\" "
                + "value=\"5\"></label> ");
        html.raw("<label>CPU cores <input name=\"cpu\" id=\"cpu\" type=\"number\" min=\"1\" value=\"1\"></label> ");
        html.raw("<label>Memory (MB) <input name=\"memory\" id=\"memory\" type=\"number\" min=\"1\" value=\"256\">"
                + "</label> ");
        html.raw("<label>Storage (MB) <input name=\"storage\" id=\"storage\" type=\"number\" min=\"0\" value=\"0\">"
                + "</label> ");
        html.raw("<label><input name=\"gpu\" id=\"gpu\" type=\"checkbox\" value=\"true\"> GPU</label> ");
        html.raw("<label>Min reputation <input name=\"minReputation\" id=\"min-reputation\" type=\"number\" "
                + "min=\"0\" max=\"1\" step=\"0.05\" value=\"0\"></label> ");
        html.raw("<label>Privacy ");
        html.select("privacy", PrivacyLevel.PUBLIC.name(), null, NodesPage.names(PrivacyLevel.values()));
        html.raw("</label> <label>Preferred region <input name=\"region\" id=\"preferred-region\"></label> ");
        html.raw("<label>Strategy <select name=\"strategy\" id=\"strategy\"><option value=\"\">").text("default ("
                + strategies.effectiveDefault() + ")").raw("</option>");
        for (String name : strategies.names()) {
            html.raw("<option value=\"").text(name).raw("\">").text(name).raw("</option>");
        }
        html.raw("</select></label> <button type=\"submit\" class=\"ui-state-default ui-corner-all\" "
                + "id=\"fog-submit\">Submit</button></form></details>");
    }

    private int count(TaskStatus state) {
        return tasks.list(new TaskQuery(state, null, 0, 1)).total();
    }

    @Override
    String act(String action, HttpServletRequest request) {
        return switch (action) {
            case "submit" -> submit(request);
            case "cancel" -> {
                String taskId = NodesPage.required(request, "task");
                yield "Task " + taskId + " is now " + tasks.cancel(taskId).status();
            }
            default -> super.act(action, request);
        };
    }

    private String submit(HttpServletRequest request) {
        String strategy = request.getParameter("strategy");
        String region = request.getParameter("region");
        TaskSpec spec = TaskSpec.builder()
                .type(request.getParameter("type"))
                .priority(number(request, "priority", 5))
                .requirements(new TaskRequirements(number(request, "cpu", 1), number(request, "memory", 256),
                        number(request, "storage", 0), "true".equals(request.getParameter("gpu")),
                        fraction(request, "minReputation")))
                .privacy(NodesPage.parse(PrivacyLevel.class, request.getParameter("privacy")))
                .preferredRegion(region == null || region.isBlank() ? null : region.trim())
                .strategy(strategy == null || strategy.isBlank() ? null : strategy)
                .build();
        String user = user(request);
        Task task = tasks.submit(spec, user.isEmpty() ? null : user); // the signed-in user pays
        return task.nodeId() == null
                ? "Task " + task.id() + " submitted: " + task.status().name().toLowerCase(Locale.ROOT)
                + (task.message() == null ? "" : " (" + task.message() + ")")
                : "Task " + task.id() + " submitted and routed to " + task.nodeId() + " by " + task.routedBy();
    }

    /** A number in 0..1 (blank: 0); the requirements check the range and name the field. */
    private static double fraction(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number from 0 to 1, got \"" + value + "\"");
        }
    }

    private static int number(HttpServletRequest request, String name, int absent) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got \"" + value + "\"");
        }
    }
}
