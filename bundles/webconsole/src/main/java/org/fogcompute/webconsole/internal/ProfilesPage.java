package org.fogcompute.webconsole.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.fogcompute.api.resources.Profile;
import org.fogcompute.api.resources.Profiler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Profiles: start a Flight Recorder recording, list the kept ones, read one's report (hot methods, allocation by
 * class, GC pauses, lock contention, I/O) and download its {@code .jfr} for JDK Mission Control. The console is for
 * admins, as are recordings (they hold the stacks and class names of everything the runtime does).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + ProfilesPage.LABEL,
        "felix.webconsole.title=Profiles",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class ProfilesPage extends ConsolePage {
    static final String LABEL = "fog-profiles";
    private static final long serialVersionUID = 1L;
    private static final Pattern PROFILE_ID = Pattern.compile("profile-\\d{8}T\\d{6}Z");
    private static final int REPORT_ROWS = 25;

    private final transient Profiler profiler;

    @Activate
    public ProfilesPage(@Reference Profiler profiler, @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.profiler = profiler;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        String id = request.getParameter("profile");
        if (id != null) {
            report(id, html, context);
            return;
        }
        startForm(html, context);
        html.raw("<h3>Recordings</h3><table class=\"nicetable fog-table\" id=\"fog-profile-table\">");
        html.headerRow("Profile", "State", "Started", "Duration (s)", "Settings", "Requested by", "Size (KB)",
                "Recording");
        html.raw("<tbody>");
        List<Profile> profiles = profiler.profiles();
        for (Profile p : profiles) {
            html.raw("<tr><td>");
            if (p.state() == Profile.State.DONE) {
                html.link(context.root() + "?profile=" + p.id(), p.id());
            } else {
                html.text(p.id());
            }
            html.raw("</td>").cell(p.state() + (p.problem() == null ? "" : ": " + p.problem())).cell(p.startedAt())
                    .cell(p.durationSeconds()).cell(p.settings()).cell(p.requestedBy()).cell(p.sizeBytes() / 1024)
                    .raw("<td>");
            if (p.state() == Profile.State.DONE) {
                html.link(context.root() + "/" + p.id() + ".jfr", p.id() + ".jfr");
            }
            html.raw("</td></tr>");
        }
        html.raw("</tbody></table>");
        if (profiles.isEmpty()) {
            html.raw("<p class=\"fog-muted\">No recording yet.</p>");
        }
    }

    private static void startForm(Html html, Context context) {
        html.raw("<form method=\"post\" id=\"fog-profile-form\" action=\"").text(context.root()).raw("\">");
        context.hiddenFields(html, "start", null);
        html.raw("<label>Duration (s) <input name=\"duration\" id=\"duration\" type=\"number\" min=\"1\" "
                + "value=\"30\"></label> <label>Settings ");
        html.select("settings", "default", null, List.of("default", "profile"));
        html.raw("</label> <button type=\"submit\" class=\"ui-state-default ui-corner-all\" id=\"fog-profile-start\">"
                + "Record</button> <span class=\"fog-muted\">A recording costs a loaded runtime some throughput "
                + "(benchmarks/RESULTS.md): keep it short.</span></form>");
    }

    private void report(String id, Html html, Context context) {
        Profile profile = profiler.profile(id).orElseThrow(() ->
                new IllegalArgumentException("no profile '" + id + "'"));
        html.raw("<p>").link(context.root(), "← all recordings").raw("</p>");
        html.raw("<h3>").text(profile.id()).raw("</h3><p>").text(profile.durationSeconds() + " s from "
                + profile.startedAt() + ", " + profile.settings() + " settings, requested by " + profile.requestedBy()
                + ", " + profile.sizeBytes() / 1024 + " KB").raw("</p>");
        Profile.Summary summary = profile.summary();
        if (summary == null) {
            String why = profile.problem() == null
                    ? "the recording is " + profile.state().name().toLowerCase(Locale.ROOT) : profile.problem();
            html.raw("<p class=\"fog-flash fog-error\" role=\"alert\">").text("No summary: " + why).raw("</p>");
            return;
        }
        html.raw("<div class=\"fog-cards\">");
        card(html, "Events", Long.toString(summary.events()));
        card(html, "GC pauses", summary.gcPauses() + " (" + millis(summary.gcPauseTotalMs()) + " in all, longest "
                + millis(summary.gcPauseMaxMs()) + ")");
        card(html, "File read / written", kib(summary.fileReadBytes()) + " / " + kib(summary.fileWriteBytes()));
        card(html, "Socket read / written", kib(summary.socketReadBytes()) + " / " + kib(summary.socketWriteBytes()));
        html.raw("</div>");
        long samples = summary.hotMethods().stream().mapToLong(Profile.Entry::count).sum();
        table(html, "Hot methods (execution samples, top frame)", "fog-hot-methods",
                new String[] {"Method", "Samples", "Share"}, summary.hotMethods(),
                e -> new Object[] {e.name(), e.count(), share(e.count(), samples)});
        table(html, "Allocation by class (sampled)", "fog-allocations",
                new String[] {"Class", "Samples", "Bytes"}, summary.allocationsByClass(),
                e -> new Object[] {e.name(), e.count(), kib((long) e.total())});
        table(html, "Lock contention (monitor enter)", "fog-locks",
                new String[] {"Monitor class", "Times", "Blocked"}, summary.lockContention(),
                e -> new Object[] {e.name(), e.count(), millis(e.total())});
        html.raw("<p>").link(context.root() + "/" + profile.id() + ".jfr", "Download " + profile.id() + ".jfr")
                .raw(" (JDK Mission Control, <code>jfr print</code>)</p>");
    }

    private static void card(Html html, String title, String value) {
        html.raw("<div class=\"fog-card\"><div class=\"fog-card-title\">").text(title)
                .raw("</div><div class=\"fog-card-value\">").text(value).raw("</div></div>");
    }

    private static void table(Html html, String title, String id, String[] headers, List<Profile.Entry> entries,
                              java.util.function.Function<Profile.Entry, Object[]> row) {
        html.raw("<h3>").text(title).raw("</h3><table class=\"nicetable fog-table\" id=\"").text(id).raw("\">");
        html.headerRow(headers);
        html.raw("<tbody>");
        for (Profile.Entry entry : entries.subList(0, Math.min(REPORT_ROWS, entries.size()))) {
            html.raw("<tr>");
            for (Object value : row.apply(entry)) {
                html.cell(value);
            }
            html.raw("</tr>");
        }
        html.raw("</tbody></table>");
        if (entries.isEmpty()) {
            html.raw("<p class=\"fog-muted\">None recorded.</p>");
        }
    }

    private static String share(long count, long total) {
        return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * count / total);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    @Override
    String act(String action, HttpServletRequest request) {
        if (!action.equals("start")) {
            return super.act(action, request);
        }
        String duration = request.getParameter("duration");
        long seconds;
        try {
            seconds = duration == null || duration.isBlank() ? 30 : Long.parseLong(duration.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the duration is a whole number of seconds, got '" + duration + "'");
        }
        String user = user(request);
        Profile started = profiler.start(Duration.ofSeconds(Math.max(0, Math.min(seconds, Integer.MAX_VALUE))),
                request.getParameter("settings"), user.isEmpty() ? "console" : user);
        return "Recording " + started.id() + " for " + started.durationSeconds() + " s (" + started.settings()
                + " settings); its report is linked below once it is done";
    }

    /** {@code <label>/<profile id>.jfr}: the recording itself. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = request.getRequestURI();
        if (!uri.endsWith(".jfr")) {
            super.doGet(request, response);
            return;
        }
        String id = uri.substring(uri.lastIndexOf('/') + 1, uri.length() - ".jfr".length());
        Optional<Path> file = PROFILE_ID.matcher(id).matches() ? profiler.recording(id) : Optional.empty();
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no finished recording " + id);
            return;
        }
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + id + ".jfr\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLengthLong(Files.size(file.get()));
        Files.copy(file.get(), response.getOutputStream());
    }
}
