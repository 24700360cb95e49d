package org.fogcompute.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.CommitStatistics;
import org.fogcompute.api.CoordinatorHealth;
import org.fogcompute.api.Node;
import org.fogcompute.api.Task;
import org.fogcompute.api.TopologySnapshot;
import org.fogcompute.api.balancing.CircuitState;
import org.fogcompute.api.balancing.ScalingEvent;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.services.Dependency;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceHealth;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.cache.CacheStats;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.pools.PoolStats;
import org.fogcompute.api.scheduling.PredictionError;
import org.fogcompute.api.scheduling.QueueStats;
import org.fogcompute.api.store.FleetStore;

/** Formats coordinator data for the shell; plain methods so that tests need no container. */
final class Tables {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Tables() {
    }

    static void nodes(Collection<Node> nodes, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No nodes");
        for (String column : new String[] {"ID", "TYPE", "STATUS", "REGION", "CPU FREE/TOTAL", "MEMORY MB FREE/TOTAL",
                "GPU", "ONION", "TASKS", "CPU %", "LAST HEARTBEAT"}) {
            table.column(column);
        }
        for (Node n : nodes) {
            table.addRow().addContent(n.id(), n.type(), n.status(), n.region(),
                    n.freeCpu() + "/" + n.capacity().cpuCores(),
                    n.freeMemoryMb() + "/" + n.capacity().memoryMb(), n.capacity().gpuCount(),
                    n.spec().onionCapable() ? "yes" : "no", n.activeTasks(), percent(n.metrics().cpuPercent()),
                    time(n.lastHeartbeat()));
        }
        table.print(out, format);
    }

    static void cacheStats(Collection<CacheStats> stats, CacheService.SharedLevel shared, PrintStream out,
                           boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No cache namespaces yet");
        for (String column : new String[] {"NAMESPACE", "HITS", "MEMORY HITS", "REDIS HITS", "MISSES", "HIT RATE",
                "LOADS", "ERRORS", "P50 US", "P99 US", "ENTRIES"}) {
            table.column(column);
        }
        for (CacheStats s : stats) {
            table.addRow().addContent(s.namespace(), s.hits(), s.memoryHits(), s.sharedHits(), s.misses(),
                    percent(100 * s.hitRate()) + "%", s.loads(), s.errors(), s.p50Micros(), s.p99Micros(),
                    s.entries());
        }
        table.print(out, format);
        if (format) {
            out.println("Redis: " + (!shared.configured() ? "not configured (memory only)"
                    : shared.uri() + (shared.connected() ? " connected" : " NOT CONNECTED (serving from memory)")));
        }
    }

    static void pools(Collection<PoolStats> pools, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No pools: the pools service is not running");
        for (String column : new String[] {"POOL", "KIND", "SIZE", "MAX", "ACTIVE", "IDLE", "WAITING", "CREATED",
                "REUSED", "REUSE", "NOTE"}) {
            table.column(column);
        }
        for (PoolStats p : pools) {
            table.addRow().addContent(p.name(), p.kind(), known(p.size()), known(p.max()), known(p.active()),
                    known(p.idle()), known(p.waiting()), known(p.created()), known(p.reused()),
                    p.reuseRate() < 0 ? "n/a" : percent(100 * p.reuseRate()) + "%", p.note());
        }
        table.print(out, format);
    }

    private static String known(long value) {
        return value < 0 ? "n/a" : Long.toString(value);
    }

    static void circuits(Collection<CircuitState> circuits, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No circuits yet: no node has been given work");
        for (String column : new String[] {"NODE", "STATE", "HEALTH", "CONSECUTIVE FAILURES", "FAILURES",
                "SUCCESSES", "OPENED", "TRIALS FROM"}) {
            table.column(column);
        }
        for (CircuitState c : circuits) {
            table.addRow().addContent(c.nodeId(), c.state(), c.health(), c.consecutiveFailures(), c.failures(),
                    c.successes(), c.openedAt() == null ? "-" : time(c.openedAt()),
                    c.retryAt() == null ? "-" : time(c.retryAt()));
        }
        table.print(out, format);
    }

    static void scalingEvents(Collection<ScalingEvent> events, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No scaling recommendations");
        for (String column : new String[] {"TIME", "ADVICE", "CPU %", "MEMORY %", "NODES", "REASON"}) {
            table.column(column);
        }
        for (ScalingEvent e : events) {
            table.addRow().addContent(time(e.at()), e.direction(), percent(e.averageCpuPercent()),
                    percent(e.averageMemoryPercent()), e.nodes(), e.reason());
        }
        table.print(out, format);
    }

    static void services(Collection<ServiceInfo> services, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No fog services");
        for (String column : new String[] {"SERVICE", "STATE", "LAYER", "CRITICAL", "RESTARTS", "BUNDLE",
                "PROBLEM"}) {
            table.column(column);
        }
        for (ServiceInfo s : services) {
            table.addRow().addContent(s.name(), s.state(), s.layer() < 0 ? "cycle" : s.layer(),
                    s.critical() ? "yes" : "no", s.restarts(), s.bundle(), dash(s.problem()));
        }
        table.print(out, format);
    }

    static void serviceHealth(Collection<ServiceHealth> health, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No health evaluation yet");
        for (String column : new String[] {"SERVICE", "STATUS", "FAILURES IN A ROW", "UPTIME %", "AUTO RESTARTS",
                "LAST CHECK", "MESSAGE"}) {
            table.column(column);
        }
        for (ServiceHealth h : health) {
            table.addRow().addContent(h.service(), h.restartsExhausted() ? "FAILED" : h.status(),
                    h.consecutiveFailures(), percent(h.uptimePercent()), h.autoRestarts(), time(h.lastCheck()),
                    dash(h.lastMessage()));
        }
        table.print(out, format);
        if (format) {
            out.println("Composite: " + ServiceHealth.composite(List.copyOf(health)));
        }
    }

    static void serviceTree(ServiceGraph graph, PrintStream out) {
        int layer = Integer.MIN_VALUE;
        for (ServiceInfo service : graph.services()) {
            if (service.layer() != layer) {
                layer = service.layer();
                out.println(layer < 0 ? "In a cycle:" : "Layer " + layer + ":");
            }
            out.println("  " + service.name() + " [" + service.state() + "]");
            for (Dependency dependency : service.dependencies()) {
                out.println("    " + (dependency.required() ? "requires " : "uses ")
                        + (dependency.providedBy() == null ? dependency.interfaceName() : dependency.providedBy())
                        + (dependency.satisfied() ? "" : "  (MISSING: " + dependency.reference() + ")"));
            }
        }
        out.println("Startup order:  " + String.join(" -> ", graph.startupOrder()));
        out.println("Shutdown order: " + String.join(" -> ", graph.shutdownOrder()));
        for (java.util.List<String> cycle : graph.cycles()) {
            out.println("Cycle: " + String.join(" -> ", cycle));
        }
    }

    static void tasks(Collection<Task> tasks, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No tasks");
        for (String column : new String[] {"ID", "TYPE", "PRIORITY", "STATUS", "NODE", "STRATEGY", "RETRIES",
                "MESSAGE"}) {
            table.column(column);
        }
        for (Task t : tasks) {
            table.addRow().addContent(t.id(), t.spec().type(), t.priority(), t.status(), dash(t.nodeId()),
                    dash(t.routedBy()), t.retryCount(), dash(t.message()));
        }
        table.print(out, format);
    }

    static void node(Node n, PrintStream out) {
        ShellTable table = keyValueTable();
        row(table, "ID", n.id());
        row(table, "Type", n.type());
        row(table, "Status", n.status() + (n.status() != n.spec().status() ? " (declared " + n.spec().status() + ")" : ""));
        row(table, "Region", n.region());
        row(table, "Location", n.spec().location() == null ? "-"
                : n.spec().location().latitude() + ", " + n.spec().location().longitude());
        row(table, "Address", n.spec().address() == null ? "-" : n.spec().address() + ":" + n.spec().port());
        row(table, "CPU free/total", n.freeCpu() + "/" + n.capacity().cpuCores());
        row(table, "Memory MB free/total", n.freeMemoryMb() + "/" + n.capacity().memoryMb());
        row(table, "Storage MB", n.capacity().storageMb());
        row(table, "GPUs", n.capacity().gpuCount());
        row(table, "Onion routing", n.spec().onionCapable() ? "yes" : "no");
        row(table, "Reputation", n.spec().reputation());
        row(table, "Load cpu/memory %", percent(n.metrics().cpuPercent()) + " / " + percent(n.metrics().memoryPercent()));
        row(table, "Uptime %", percent(n.metrics().uptimePercent()));
        row(table, "Circuits", n.metrics().circuitCount());
        var device = n.metrics().device();
        if (!device.equals(org.fogcompute.api.edge.DeviceTelemetry.NONE)) {
            row(table, "Device", "battery " + dash(device.batteryPercent()) + "%"
                    + (Boolean.TRUE.equals(device.charging()) ? " charging" : "") + ", cpu "
                    + dash(device.cpuTemperatureC()) + " °C, metered " + dash(device.meteredNetwork()) + ", user active "
                    + dash(device.userActive()) + ", local hour " + dash(device.localHour()));
        }
        if (n.deviceClass() != null) {
            row(table, "Device class", n.deviceClass());
        }
        row(table, "Allocatable", n.allocation().reason() == null ? "all of it"
                : n.allocation().cpuCores() + " cpu / " + n.allocation().memoryMb() + " MB: " + n.allocation().reason());
        row(table, "Tasks active/completed/failed", n.activeTasks() + "/" + n.completedTasks() + "/" + n.failedTasks());
        row(table, "Labels", n.spec().labels().isEmpty() ? "-" : n.spec().labels());
        row(table, "Registered", time(n.registeredAt()));
        row(table, "Last heartbeat", time(n.lastHeartbeat()));
        table.print(out, true);
    }

    static void task(Task t, PrintStream out) {
        ShellTable table = keyValueTable();
        row(table, "ID", t.id());
        row(table, "Type", t.spec().type());
        row(table, "Status", t.status());
        row(table, "Node", dash(t.nodeId()));
        row(table, "Routed by", dash(t.routedBy()));
        row(table, "Priority", t.priority());
        row(table, "Requirements", t.requirements().cpuCores() + " cpu, " + t.requirements().memoryMb() + " MB, "
                + t.requirements().storageMb() + " MB storage" + (t.requirements().gpu() ? ", GPU" : ""));
        row(table, "Privacy", t.spec().privacy() + (t.spec().requireOnionCircuit() ? ", onion circuit" : ""));
        row(table, "Preferred region", dash(t.spec().preferredRegion()));
        row(table, "Strategy requested", dash(t.spec().strategy()));
        row(table, "Retries", t.retryCount());
        row(table, "Message", dash(t.message()));
        row(table, "Submitted", time(t.submittedAt()));
        row(table, "Assigned", time(t.assignedAt()));
        row(table, "Started", time(t.startedAt()));
        row(table, "Finished", time(t.finishedAt()));
        table.print(out, true);
    }

    static void topology(TopologySnapshot s, PrintStream out) {
        ShellTable table = keyValueTable();
        row(table, "Taken", time(s.takenAt()));
        row(table, "Nodes", s.nodeCount());
        row(table, "By status", s.nodesByStatus().isEmpty() ? "-" : new java.util.TreeMap<>(s.nodesByStatus()));
        row(table, "By type", s.nodesByType().isEmpty() ? "-" : new java.util.TreeMap<>(s.nodesByType()));
        row(table, "CPU free/total", s.freeCpu() + "/" + s.totalCpu());
        row(table, "Memory MB free/total", s.freeMemoryMb() + "/" + s.totalMemoryMb());
        row(table, "Tasks running", s.runningTasks());
        row(table, "Tasks assigned", s.assignedTasks());
        row(table, "Tasks pending", s.pendingTasks());
        table.print(out, true);
    }

    static void history(Collection<TopologySnapshot> snapshots, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No snapshots yet");
        for (String column : new String[] {"TAKEN", "NODES", "CPU FREE/TOTAL", "MEMORY MB FREE/TOTAL", "RUNNING",
                "ASSIGNED", "PENDING"}) {
            table.column(column);
        }
        for (TopologySnapshot s : snapshots) {
            table.addRow().addContent(time(s.takenAt()), s.nodeCount(), s.freeCpu() + "/" + s.totalCpu(),
                    s.freeMemoryMb() + "/" + s.totalMemoryMb(), s.runningTasks(), s.assignedTasks(), s.pendingTasks());
        }
        table.print(out, format);
    }

    static void strategies(Collection<String> names, String defaultName, PrintStream out, boolean format) {
        strategies(names, defaultName, defaultName, out, format);
    }

    static void strategies(Collection<String> names, String defaultName, String effectiveDefault, PrintStream out,
                           boolean format) {
        strategies("routing", names, defaultName, effectiveDefault, out, format);
    }

    /** Strategies of a kind (routing, scheduling) with the default marked, and a word when the default is absent. */
    static void strategies(String kind, Collection<String> names, String defaultName, String effectiveDefault,
                           PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No " + kind + " strategies installed");
        table.column("NAME");
        table.column("DEFAULT");
        for (String name : names) {
            table.addRow().addContent(name, name.equals(effectiveDefault) ? "*" : "");
        }
        table.print(out, format);
        if (defaultName != null && !names.contains(defaultName)) {
            out.println("Default " + kind + " strategy '" + defaultName + "' is not installed; tasks that name no "
                    + "strategy use " + (effectiveDefault == null ? "none (no strategy is installed)"
                    : "'" + effectiveDefault + "'") + " until it returns.");
        }
    }

    static void storeInfo(FleetStore.StoreInfo info, PrintStream out) {
        ShellTable table = keyValueTable();
        row(table, "Database", info.product());
        row(table, "URL", info.url());
        row(table, "Schema version", info.schemaVersion());
        row(table, "Nodes", info.nodes());
        row(table, "Tasks", info.tasks());
        row(table, "Unfinished tasks", info.unfinishedTasks());
        table.print(out, true);
    }

    static void coordinatorInfo(CoordinatorHealth health, PrintStream out) {
        ShellTable table = keyValueTable();
        row(table, "Coordinator id", health.coordinatorId());
        row(table, "Ready", health.ready() ? "yes" : "no (loading its fleet from the database)");
        row(table, "Database", health.databaseReachable() ? "reachable" : "UNREACHABLE (writes answer 503)");
        row(table, "Nodes", health.nodeCount());
        row(table, "Tasks in memory", health.taskCount());
        row(table, "Started", time(health.startedAt()));
        row(table, "Uptime", health.uptime().toSeconds() + " s");
        CommitStatistics commits = health.commits();
        row(table, "Transactions committed", commits.committed());
        row(table, "Refused by the database", commits.refused());
        row(table, "Changes retried alone", commits.retriedAlone());
        row(table, "Failed, database unreachable", commits.unavailable());
        row(table, "Last failure", commits.lastFailure() == null ? "-"
                : time(commits.lastFailureAt()) + " " + commits.lastFailure());
        table.print(out, true);
    }

    /** The scheduling queue: depth per part and parked reason, oldest wait, wait times per class, model error. */
    static void queue(QueueStats stats, PredictionError error, Instant now, PrintStream out) {
        ShellTable table = keyValueTable();
        row(table, "Order", stats.strategy() == null ? "priority (built in; no scheduling strategy installed)"
                : stats.strategy());
        row(table, "Waiting", stats.total());
        row(table, "  active (ready)", stats.active());
        row(table, "  backoff (1-10 s)", stats.backoff());
        stats.parked().forEach((reason, count) -> row(table, "  parked " + reason, count));
        row(table, "Oldest wait", stats.oldestQueuedAt() == null ? "-"
                : java.time.Duration.between(stats.oldestQueuedAt(), now).toSeconds() + " s (since "
                + time(stats.oldestQueuedAt()) + ")");
        row(table, "Capacity events", stats.capacityEpoch());
        row(table, "Failed DEADLINE_EXCEEDED", stats.deadlineExceeded());
        table.print(out, true);
        ShellTable waits = new ShellTable().emptyTableText("No task placed yet");
        waits.column("PRIORITY");
        waits.column("PLACED");
        waits.column("P50 WAIT ms").alignRight();
        waits.column("P99 WAIT ms").alignRight();
        waits.column("MAX ms").alignRight();
        stats.timeToPlacement().forEach((priority, w) -> waits.addRow().addContent(priority, w.samples(),
                w.p50Millis(), w.p99Millis(), w.maxMillis()));
        out.println("Time from submission to placement, latest placements per priority class:");
        waits.print(out, true);
        if (error != null) {
            out.println(error.predictions() == 0 ? "Completion model: no completed task scored yet"
                    : String.format(Locale.ROOT, "Completion model over %d completions: duration MdAPE %.1f %%, "
                    + "mean |ln(actual/predicted)| %.3f, 90 %% interval coverage %.1f %%, Brier %.4f (skill %.3f "
                    + "against the fleet-wide rate)", error.predictions(), 100 * error.medianAbsolutePercentageError(),
                    error.meanAbsoluteLogRatio(), 100 * error.intervalCoverage(), error.brier(), error.brierSkill()));
        }
    }

    static void accounts(Collection<Account> accounts, PrintStream out, boolean format) {
        ShellTable table = new ShellTable().emptyTableText("No accounts");
        table.column("ACCOUNT");
        table.column("KIND");
        table.column("BALANCE").alignRight();
        table.column("OPENED");
        for (Account a : accounts) {
            table.addRow().addContent(a.id(), a.kind(), Credits.format(a.balance()), time(a.openedAt()));
        }
        table.print(out, format);
    }

    /** Journal entries as they change one account. */
    static void journal(Collection<JournalEntry> entries, String accountId, PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("No entries");
        table.column("AT");
        table.column("KIND");
        table.column("CHANGE").alignRight();
        table.column("KEY");
        table.column("MEMO");
        for (JournalEntry e : entries) {
            long change = e.postings().stream().filter(p -> p.accountId().equals(accountId))
                    .mapToLong(org.fogcompute.api.ledger.Posting::amount).sum();
            table.addRow().addContent(time(e.at()), e.kind(), (change > 0 ? "+" : "") + Credits.format(change),
                    e.key(), dash(e.memo()));
        }
        table.print(out, true);
    }

    private static ShellTable keyValueTable() {
        ShellTable table = new ShellTable().noHeaders();
        table.column("KEY");
        table.column("VALUE");
        return table;
    }

    private static void row(ShellTable table, String key, Object value) {
        table.addRow().addContent(key, value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
