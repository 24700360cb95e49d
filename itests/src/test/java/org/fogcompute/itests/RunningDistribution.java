package org.fogcompute.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A copy of the built distribution started the way an operator starts it ({@code bin/karaf server}), with a test
 * user for {@code bin/client}, free ports and optionally another database. Stopped gracefully or killed with
 * SIGKILL; the copy stays on disk between starts so that its {@code data/} survives.
 */
final class RunningDistribution implements AutoCloseable {
    private static final long BOOT_TIMEOUT_SECONDS = 90;
    static final String USER = "itest";
    static final String PASSWORD = "itest-secret";

    private final Path home;
    private final int sshPort;
    private final int httpPort;
    private final int rmiRegistryPort;
    private final int rmiServerPort;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process karaf;
    private int boots;
    private int consoles;

    /**
     * A new copy of the built distribution in {@code target/<name>-<random>}, whose coordinator has that id too; on
     * the embedded database unless {@code jdbcUrl} names another.
     */
    static RunningDistribution fresh(String name, String jdbcUrl) throws IOException {
        String run = name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return new RunningDistribution(Path.of(System.getProperty("fog.assembly.dir")),
                Path.of("target", run).toAbsolutePath(), run, jdbcUrl);
    }

    RunningDistribution(Path source, Path home, String coordinatorId, String jdbcUrl) throws IOException {
        this.home = home;
        copy(source, home);
        this.sshPort = freePort();
        this.httpPort = freePort();
        Path web = home.resolve("etc/org.ops4j.pax.web.cfg");
        Files.writeString(web, Files.readString(web).replaceAll("(?m)^org\\.osgi\\.service\\.http\\.port\\s*=.*$",
                "org.osgi.service.http.port = " + httpPort));
        append("etc/users.properties", USER + " = " + PASSWORD + ",_g_:admingroup\n");
        append("etc/org.apache.karaf.shell.cfg", "sshPort = " + sshPort + "\n");
        this.rmiRegistryPort = freePort();
        this.rmiServerPort = freePort();
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + rmiRegistryPort + "\nrmiServerPort = "
                + rmiServerPort + "\n");
        Files.writeString(home.resolve("etc/org.fogcompute.coordinator.cfg"), "coordinator.id = " + coordinatorId
                + "\n");
        if (jdbcUrl != null) {
            Files.writeString(home.resolve("etc/org.ops4j.datasource-fog.cfg"),
                    "osgi.jdbc.driver.name = PostgreSQL JDBC Driver\nurl = " + withTimeouts(jdbcUrl)
                            + "\ndataSourceName = fog\npool = hikari\nxa = false\nhikari.maximumPoolSize = 10\n"
                            + "hikari.connectionTimeout = 2000\nhikari.initializationFailTimeout = -1\n"
                            + "hikari.poolName = fog\nhikari.registerMbeans = true\n");
        }
    }

    /** The distribution's recommended PostgreSQL timeouts, added to a test's URL unless it sets them itself. */
    static String withTimeouts(String jdbcUrl) {
        String url = jdbcUrl;
        for (String timeout : new String[] {"socketTimeout=5", "connectTimeout=3", "loginTimeout=3"}) {
            if (!url.contains(timeout.substring(0, timeout.indexOf('=') + 1))) {
                url += (url.contains("?") ? "&" : "?") + timeout;
            }
        }
        return url;
    }

    /**
     * First start on an empty data directory. A first boot on a busy machine has been seen to hang (two threads
     * waiting on each other, see TOOLCHAIN.md); then the data directory is wiped and the boot tried once more.
     */
    void startFresh() throws Exception {
        try {
            start();
        } catch (AssertionError hung) {
            Path dump = threadDump();
            System.err.println("First boot did not finish (" + hung.getMessage() + "); threads in " + dump
                    + "; wiping data/ and retrying");
            kill();
            boots = 0;
            try (Stream<Path> files = Files.walk(home.resolve("data"))) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            start();
        }
    }

    /** Thread dump of the Karaf JVM, kept beside the test output so that a hung boot can be diagnosed later. */
    private Path threadDump() {
        Path dump = home.getParent().resolve("boot-hang-" + System.currentTimeMillis() + ".txt");
        try {
            String pid = Files.readString(home.resolve("karaf.pid")).trim();
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process process = new ProcessBuilder(jcmd.toString(), pid, "Thread.print").redirectErrorStream(true)
                    .redirectOutput(dump.toFile()).start();
            process.waitFor(30, TimeUnit.SECONDS);
            Files.copy(home.resolve("data/log/karaf.log"), Path.of(dump + ".karaf.log"));
        } catch (Exception e) {
            System.err.println("No thread dump: " + e);
        }
        return dump;
    }

    /**
     * Starts Karaf and returns once it says it is ready (fleet restored, every fog service active, a user can log
     * in) and its SSH and REST ports answer.
     */
    void start() throws Exception {
        launch();
        waitForLogLine("fog-compute ready in", boots);
        waitForSsh();
        waitForApi();
    }

    /**
     * Starts Karaf with its database unreachable and returns once the coordinator says it waits for it (a first
     * start on a fresh data directory) and the API answers.
     */
    void startWaitingForDatabase() throws Exception {
        launch();
        waitForLogLine("Fog coordinator waiting for its database", 1);
        waitForApi();
    }

    /** Waits until the coordinator restored its fleet for the given time since the process started. */
    void awaitFleetRestored() throws Exception {
        waitForLogLine("Fog coordinator restored", boots);
    }

    private void launch() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console-" + consoles++ + ".log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        karaf = builder.start();
        boots++;
    }

    /** The REST servlet registers a moment after the coordinator: wait until /api/health answers from it. */
    private void waitForApi() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest health = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + httpPort + "/api/health")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try {
                java.net.http.HttpResponse<String> answer = http.send(health,
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            karaf.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("/api/health did not answer within " + BOOT_TIMEOUT_SECONDS + " s");
    }

    /** An environment variable for the Karaf process, e.g. FOG_ADMIN_PASSWORD; takes effect at the next start. */
    void environment(String name, String value) {
        environment.put(name, value);
    }

    /** Writes {@code etc/<pid>.cfg} before the start, replacing what the features would install. */
    void configure(String pid, String content) throws IOException {
        Files.writeString(home.resolve("etc/" + pid + ".cfg"), content);
    }

    /** Lines for etc/users.properties, e.g. {@code bob = secret,_g_:viewergroup}; before the first start. */
    void appendUsers(String lines) throws IOException {
        append("etc/users.properties", lines);
    }

    int httpPort() {
        return httpPort;
    }

    int sshPort() {
        return sshPort;
    }

    /** The JMX connector's address, as etc/org.apache.karaf.management.cfg composes it for the instance "root". */
    String jmxServiceUrl() {
        return "service:jmx:rmi://127.0.0.1:" + rmiServerPort + "/jndi/rmi://127.0.0.1:" + rmiRegistryPort
                + "/karaf-root";
    }

    Path home() {
        return home;
    }

    /** {@code bin/stop}, then waits for the JVM to exit. */
    void stop() throws Exception {
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).start();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("Karaf did not stop within 60 s");
        }
    }

    /** SIGKILL to the Karaf JVM and every process it started: no shutdown hook runs. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        karaf.descendants().forEach(ProcessHandle::destroyForcibly);
        karaf.destroyForcibly();
        if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Karaf survived SIGKILL for 30 s");
        }
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    /** Runs commands through {@code bin/client -b}, feeding each printed line to {@code lines}. */
    void client(List<String> commands, Consumer<String> lines) throws Exception {
        clientAs(USER, PASSWORD, commands, lines);
    }

    /** Runs commands through {@code bin/client -b} as the given user. */
    void clientAs(String user, String password, List<String> commands, Consumer<String> lines) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-a",
                Integer.toString(sshPort), "-u", user, "-p", password, "-r", "1", "-b").directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        Thread feeder = new Thread(() -> {
            try (Writer in = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String command : commands) {
                    in.write(command + "\n");
                }
            } catch (IOException e) {
                // the server went away mid-batch: that is what the crash test does
            }
        }, "client-feeder");
        feeder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.accept(line);
            }
        }
        client.waitFor(60, TimeUnit.SECONDS);
        feeder.join(10_000);
    }

    List<String> clientOutput(String command) throws Exception {
        List<String> lines = new ArrayList<>();
        client(List.of(command), lines::add);
        return lines;
    }

    @Override
    public void close() throws Exception {
        if (karaf != null && karaf.isAlive()) {
            kill();
        }
        if (Boolean.getBoolean("fog.itest.keep")) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void waitForLogLine(String text, int occurrences) throws Exception {
        Path log = home.resolve("data/log/karaf.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                throw new AssertionError("Karaf exited during boot; see " + home.resolve("console-" + (consoles - 1)
                        + ".log"));
            }
            if (Files.exists(log)) {
                long seen;
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    seen = lines.filter(l -> l.contains(text)).count();
                }
                if (seen >= occurrences) {
                    return;
                }
            }
            karaf.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no '" + text + "' in " + log + " within " + BOOT_TIMEOUT_SECONDS + " s");
    }

    private void waitForSsh() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sshPort)) {
                return;
            } catch (IOException notYet) {
                karaf.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("ssh port " + sshPort + " not open within " + BOOT_TIMEOUT_SECONDS + " s");
    }

    private void append(String file, String text) throws IOException {
        Files.writeString(home.resolve(file), "\n" + text, StandardOpenOption.APPEND);
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(from);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path to = target.resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
