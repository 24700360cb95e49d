package org.fogcompute.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;

/**
 * Boots the real fog-compute distribution (the tar.gz built by karaf-assembly) with Pax Exam. Subclasses run with
 * {@code @RunWith(PaxExam.class)} and share this configuration.
 */
public abstract class FogTestSupport {
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    /** How long a boot may take on a slow or busy machine; Pax Exam's own default (10 s) is not enough for one. */
    protected static final long BOOT_WAIT_MILLIS = 180_000;

    @Inject
    protected BundleContext bundleContext;

    /**
     * Waits until boot provisioning is over, so no refresh happens while a test runs. Injected services are waited
     * for with Pax Exam's default timeout unless they say otherwise: every wait on a boot says otherwise.
     */
    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected BootFinished bootFinished;

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected SessionFactory sessionFactory;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        String distribution = new File(System.getProperty("fog.distribution")).toURI().toString();
        String localRepository = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(distribution).name("fog-compute").karafVersion("4.4.10")
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepository),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            // these suites test routing, scheduling and the services' wiring; what tasks cost, and the refusal of a
            // submitter who cannot pay (the default), are tested over REST by RestApiIT
            editConfigurationFilePut("etc/org.fogcompute.billing.cfg", "insufficient.credits", "RUN_UNPAID"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    Integer.toString(freePort())),
            // as bin/karaf does: the specs locator patched into java.base, so that bundles shipping
            // META-INF/services (Jackson, ...) are registered by the specs activator instead of failing in it
            vmOption("--patch-module"),
            vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar"),
            vmOption("--patch-module"),
            vmOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar"),
            vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            systemProperty("fog.example.strategy.jar").value(System.getProperty("fog.example.strategy.jar", "")),
            systemProperty("fog.example.scheduling.jar").value(System.getProperty("fog.example.scheduling.jar", "")),
        };
    }

    /** Runs a shell command as an admin would and returns what it printed; a failing command throws. */
    protected String execute(String command) throws Exception {
        return executeAs("admin", command);
    }

    /**
     * Runs a shell command as a user holding {@code role}: the fog command ACLs
     * (etc/org.apache.karaf.command.acl.fog.cfg) hide what the role may not run.
     */
    protected String executeAs(String role, String command) throws Exception {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal("itest-" + role));
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal(role));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Session session = sessionFactory.create(System.in, out, out)) {
            Future<Object> result = executor.submit(() -> {
                try {
                    return javax.security.auth.Subject.doAs(subject,
                            (java.security.PrivilegedExceptionAction<Object>) () -> session.execute(command));
                } catch (java.security.PrivilegedActionException e) {
                    throw e.getException();
                }
            });
            result.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The message of the error a command fails with, or an AssertionError if it does not fail. */
    protected String executeExpectingError(String command) throws Exception {
        try {
            String output = execute(command);
            throw new AssertionError("expected '" + command + "' to fail, but it printed: " + output);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause().getMessage();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
