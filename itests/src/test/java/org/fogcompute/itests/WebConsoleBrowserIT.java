package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Fog" pages of the web console in a real headless Chromium against the booted distribution: login, every page
 * without a browser-console error, nodes registered through the API appearing (live on the overview), a task
 * submitted from the form, the default strategy switched, a service restarted, user input shown as text, and
 * actions refused without their CSRF token. A screenshot of each page lands in target/screenshots.
 */
public class WebConsoleBrowserIT {
    private static final String ADMIN_PASSWORD = "console-admin-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots").toAbsolutePath();
    private static final String XSS_LABEL = "<script>window.fogInjected=1</script>";
    private static final String XSS_REGION = "<img src=x onerror=\"window.fogInjected=2\">";
    private static RunningDistribution karaf;
    private static Api api;
    private static String admin;
    private static ChromeDriver browser;
    private static String console;

    @BeforeClass
    public static void start() throws Exception {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            System.err.println(missing);
        }
        Assume.assumeTrue(missing, missing == null);
        karaf = RunningDistribution.fresh("console", null);
        karaf.environment("FOG_ADMIN_PASSWORD", ADMIN_PASSWORD);
        karaf.startFresh();
        api = new Api(karaf.httpPort());
        admin = api.login("admin", ADMIN_PASSWORD);
        api.fund(admin, "admin", 1_000_000); // the tasks the admin submits from the console are paid for
        console = "http://127.0.0.1:" + karaf.httpPort() + "/system/console";
        browser = HeadlessChromium.start(karaf.home().resolve("chromium-profile"));
        // Logging in: the console asks for basic authentication; the browser keeps the credentials for the origin.
        browser.get("http://admin:" + ADMIN_PASSWORD + "@127.0.0.1:" + karaf.httpPort() + "/system/console/fog-overview");
        waitFor(By.id("fog-overview-live"));
        HeadlessChromium.consoleErrors(browser);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @After
    public void noBrowserConsoleErrors() {
        if (browser != null) {
            List<String> errors = HeadlessChromium.consoleErrors(browser);
            assertTrue("errors in the browser console: " + errors, errors.isEmpty());
        }
    }

    @Test
    public void theConsoleAsksForTheRealmsCredentialsAndHasNoDefaultAccount() throws Exception {
        assertEquals(401, consoleStatus(null));
        assertEquals(401, consoleStatus("admin:admin"));
        assertEquals(401, consoleStatus("karaf:karaf"));
        assertEquals(401, consoleStatus("admin:wrong-password"));
        assertEquals(200, consoleStatus("admin:" + ADMIN_PASSWORD));
    }

    @Test
    public void everyFogPageIsListedUnderItsCategoryAndRenders() throws Exception {
        open("fog-overview");
        // the console's menu: the Fog category and its pages (a drop-down, hidden until hovered: read textContent)
        List<String> titles = browser.findElements(By.xpath("//ul[@id='navmenu']/li[a[normalize-space(.)='Fog']]"
                + "//a[contains(@href, '/system/console/fog-')]")).stream()
                .map(link -> link.getAttribute("textContent").trim()).toList();
        for (String title : List.of("Overview", "Nodes", "Tasks", "Strategies", "Scheduler", "Ledger", "Harvest",
                "Privacy", "Services", "Cache", "Load balancer", "Resources", "Profiles", "Deployments")) {
            assertTrue("navigation lists " + title + ": " + titles, titles.contains(title));
        }
        for (String page : List.of("fog-overview", "fog-nodes", "fog-tasks", "fog-strategies", "fog-scheduler",
                "fog-ledger", "fog-harvest", "fog-privacy", "fog-services", "fog-cache", "fog-balancer",
                "fog-resources", "fog-profiles", "fog-deployments")) {
            open(page);
            waitFor(By.id("fog-" + page));
            HeadlessChromium.screenshot(browser, SCREENSHOTS, page);
            List<String> errors = HeadlessChromium.consoleErrors(browser);
            assertTrue(page + ": errors in the browser console: " + errors, errors.isEmpty());
        }
    }

    @Test
    public void nodesRegisteredThroughTheApiAppearLiveOnTheOverviewAndInTheTable() throws Exception {
        open("fog-overview");
        WebElement live = waitFor(By.id("fog-overview-live"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> live.getAttribute("data-updates") != null);
        int before = Integer.parseInt(browser.findElement(By.id("fog-nodes-total")).getText());
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, api.post(admin, "/nodes", node("live-" + i, "eu-west", "tier", "edge")).status());
        }
        // No reload: the overview polls its feed and the card follows the fleet.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("fog-nodes-total"),
                Integer.toString(before + 3)));
        assertTrue(browser.findElements(By.cssSelector("#fog-chart-status canvas")).size() > 0);
        assertTrue(browser.findElements(By.cssSelector("#fog-chart-throughput canvas")).size() > 0);
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-overview-live");
        open("fog-overview");
        assertTrue(waitFor(By.id("fog-region-table")).getText().contains("eu-west"));

        open("fog-nodes?q=live-");
        List<String> ids = browser.findElements(By.cssSelector("#fog-node-table tbody tr[data-node]")).stream()
                .map(row -> row.getAttribute("data-node")).toList();
        assertEquals(List.of("live-1", "live-2", "live-3"), ids);
        // sorted by id descending through the header link
        browser.findElement(By.linkText("Id ▲")).click();
        waitFor(By.cssSelector("th[aria-sort='descending']"));
        assertEquals("live-3", browser.findElement(By.cssSelector("#fog-node-table tbody tr[data-node]"))
                .getAttribute("data-node"));
        // detail with heartbeat age
        browser.findElement(By.linkText("live-2")).click();
        assertEquals("live-2", waitFor(By.id("fog-node-id")).getText());
        assertTrue(browser.findElement(By.id("fog-node-detail")).getText().contains("Heartbeat age"));
    }

    @Test
    public void userInputIsShownAsTextNeverRun() throws Exception {
        // Ids are restricted to [A-Za-z0-9._:-]: an id with markup never gets into the fleet at all ...
        Api.Reply refused = api.post(admin, "/nodes", node("<script>alert(1)</script>", "r", "k", "v"));
        assertEquals(refused.toString(), 422, refused.status());
        assertEquals("id", refused.field());
        // ... labels and regions are free text, and those the console must escape.
        String body = node("xss-1", XSS_REGION, "note", XSS_LABEL);
        assertEquals(201, api.post(admin, "/nodes", body).status());
        open("fog-nodes?q=xss");
        WebElement row = waitFor(By.cssSelector("tr[data-node='xss-1']"));
        assertTrue(row.getText(), row.getText().contains("note=" + XSS_LABEL));
        assertTrue(row.getText(), row.getText().contains(XSS_REGION));
        assertEquals(null, browser.executeScript("return window.fogInjected === undefined ? null : window.fogInjected"));
        // a filter typed by the user comes back in the form, as text
        open("fog-nodes?q=" + java.net.URLEncoder.encode("\"><script>window.fogInjected=3</script>",
                StandardCharsets.UTF_8));
        assertEquals("\"><script>window.fogInjected=3</script>", waitFor(By.id("q")).getAttribute("value"));
        browser.findElement(By.linkText("Clear"));
        open("fog-nodes?node=xss-1");
        assertTrue(waitFor(By.id("fog-node-detail")).getText().contains(XSS_LABEL));
        assertEquals(null, browser.executeScript("return window.fogInjected === undefined ? null : window.fogInjected"));
        // the console resolves ${...} in the pages it frames: user data must come out as typed, not as its value
        String variables = node("vars-1", "${appRoot}", "note", "${pluginRoot}-${brand.name}");
        assertEquals(201, api.post(admin, "/nodes", variables).status());
        open("fog-nodes?node=vars-1");
        String detail = waitFor(By.id("fog-node-detail")).getText();
        assertTrue(detail, detail.contains("${appRoot}") && detail.contains("note=${pluginRoot}-${brand.name}"));
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-nodes-escaped-input");
    }

    @Test
    public void aTaskSubmittedFromTheFormIsRoutedByTheChosenStrategyAndCanBeCancelled() throws Exception {
        assertEquals(201, api.post(admin, "/nodes", node("task-host", "eu-west", "tier", "edge")).status());
        assertEquals(201, api.post(admin, "/tasks", "{\"requirements\":{\"cpuCores\":1,\"memoryMb\":64,"
                + "\"storageMb\":0,\"gpu\":false}}").status());
        open("fog-tasks");
        WebElement cpu = waitFor(By.id("cpu"));
        cpu.clear();
        cpu.sendKeys("1");
        WebElement memory = browser.findElement(By.id("memory"));
        memory.clear();
        memory.sendKeys("128");
        new Select(browser.findElement(By.id("strategy"))).selectByValue("round-robin");
        browser.findElement(By.id("fog-submit")).click();
        String flash = waitFor(By.cssSelector(".fog-flash")).getText();
        assertTrue(flash, flash.contains("submitted and routed to") && flash.contains("by round-robin"));
        String taskId = flash.replaceAll("^Task (\\S+) submitted.*$", "$1");
        assertEquals("the newest task comes first", taskId, browser.findElement(By.cssSelector(
                "#fog-task-table tbody tr[data-task]")).getAttribute("data-task"));
        JsonNode task = api.get(admin, "/tasks/" + taskId).json();
        assertEquals("round-robin", task.get("routedBy").asText());
        assertEquals(128, task.get("requirements").get("memoryMb").asInt());
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-tasks-submitted");

        // bad input: a clear message, nothing submitted
        int tasksBefore = api.get(admin, "/tasks").json().get("total").asInt();
        WebElement cpuAgain = waitFor(By.id("cpu"));
        cpuAgain.clear();
        cpuAgain.sendKeys("0");
        browser.executeScript("document.getElementById('cpu').removeAttribute('min')");
        browser.findElement(By.id("fog-submit")).click();
        String refused = waitFor(By.cssSelector(".fog-error")).getText();
        assertTrue(refused, refused.contains("cpuCores"));
        assertEquals(tasksBefore, api.get(admin, "/tasks").json().get("total").asInt());

        WebElement row = waitFor(By.cssSelector("tr[data-task='" + taskId + "']"));
        row.findElement(By.cssSelector("button[data-action='cancel']")).click();
        browser.switchTo().alert().accept();
        String cancelled = waitFor(By.cssSelector(".fog-flash")).getText();
        assertTrue(cancelled, cancelled.contains("CANCELLED"));
        assertEquals("CANCELLED", api.get(admin, "/tasks/" + taskId).json().get("status").asText());
    }

    @Test
    public void theDefaultStrategyIsSwitchedFromTheStrategiesPage() throws Exception {
        open("fog-strategies");
        WebElement affinity = waitFor(By.cssSelector("#fog-routing-table tr[data-name='affinity']"));
        affinity.findElement(By.cssSelector("button[data-action='set-routing']")).click();
        String flash = waitFor(By.cssSelector(".fog-flash")).getText();
        assertTrue(flash, flash.contains("Default routing strategy is now affinity"));
        assertTrue(browser.findElement(By.cssSelector("#fog-routing-table tr[data-name='affinity']")).getText()
                .contains("default"));
        assertEquals("affinity", api.get(admin, "/strategies").json().get("defaultName").asText());
        // back to the shipped default, through the page again
        browser.findElement(By.cssSelector("#fog-routing-table tr[data-name='least-loaded'] button")).click();
        waitFor(By.cssSelector(".fog-flash"));
        assertEquals("least-loaded", api.get(admin, "/strategies").json().get("defaultName").asText());
        assertTrue(browser.findElement(By.cssSelector("#fog-routing-table tr[data-name='round-robin']")).getText()
                .contains("built-in"));
    }

    @Test
    public void theSchedulerPageChartsTheQueueAndSwitchesTheSchedulingStrategy() throws Exception {
        open("fog-scheduler");
        assertTrue(browser.findElements(By.cssSelector("svg#fog-queue-chart rect")).size() >= 2);
        WebElement fifo = waitFor(By.cssSelector("#fog-scheduling-table tr[data-name='fifo']"));
        fifo.findElement(By.cssSelector("button[data-action='set-scheduling']")).click();
        String flash = waitFor(By.cssSelector(".fog-flash")).getText();
        assertTrue(flash, flash.contains("Default scheduling strategy is now fifo"));
        assertEquals("fifo", api.get(admin, "/scheduler").json().get("queue").get("strategy").asText());
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-scheduler");
        browser.findElement(By.cssSelector("#fog-scheduling-table tr[data-name='priority'] button")).click();
        waitFor(By.cssSelector(".fog-flash"));
        assertEquals("priority", api.get(admin, "/scheduler/strategies").json().get("defaultName").asText());
    }

    @Test
    public void creditsAreGrantedFromTheLedgerPageAndBadAmountsAreRefused() throws Exception {
        assertEquals(201, api.post(admin, "/ledger/accounts", "{\"id\":\"console-bob\",\"kind\":\"SUBMITTER\"}")
                .status());
        open("fog-ledger");
        waitFor(By.id("grant-account")).sendKeys("console-bob");
        browser.findElement(By.id("grant-credits")).sendKeys("2.5");
        browser.findElement(By.id("fog-grant")).click();
        String flash = waitFor(By.cssSelector(".fog-flash")).getText();
        assertTrue(flash, flash.contains("Granted 2.5 credits to console-bob"));
        assertTrue(browser.findElement(By.cssSelector("#fog-ledger-table tr[data-account='console-bob']")).getText()
                .contains("2.5"));
        assertEquals("balanced", browser.findElement(By.id("fog-ledger-balanced")).getText());
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-ledger");

        waitFor(By.id("grant-account")).sendKeys("console-bob");
        browser.findElement(By.id("grant-credits")).sendKeys("1.0000001");
        browser.findElement(By.id("fog-grant")).click();
        String refused = waitFor(By.cssSelector(".fog-error")).getText();
        assertTrue(refused, refused.contains("6 decimals"));
        assertEquals("2.5", api.get(admin, "/ledger/accounts/console-bob").json().get("account").get("balance")
                .asText());
    }

    @Test
    public void aStrategyDroppedIntoDeployShowsAsHotDeployed() throws Exception {
        Path jar = Paths.get(System.getProperty("fog.example.strategy.jar"));
        Files.copy(jar, karaf.home().resolve("deploy").resolve(jar.getFileName()));
        open("fog-strategies");
        // the page is drawn from the registered services: reload until the bundle has started
        WebElement row = new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            List<WebElement> rows = driver.findElements(
                    By.cssSelector("#fog-routing-table tr[data-name='spread-by-region']"));
            if (rows.isEmpty()) {
                driver.navigate().refresh();
                return null;
            }
            return rows.get(0);
        });
        assertTrue(row.getText(), row.getText().contains("hot-deployed (deploy/)"));
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-strategies-hot-deployed");
        open("fog-tasks");
        assertEquals(1, browser.findElements(By.cssSelector("#strategy option[value='spread-by-region']")).size());
    }

    @Test
    public void aServiceIsRestartedFromTheServicesPage() throws Exception {
        long before = restarts("cache");
        open("fog-services");
        waitFor(By.cssSelector("tr[data-service='cache'] button[data-action='restart']")).click();
        browser.switchTo().alert().accept();
        String flash = waitFor(By.cssSelector(".fog-flash")).getText();
        assertTrue(flash, flash.contains("Service cache restarted"));
        assertEquals(before + 1, restarts("cache"));
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-services-restarted");
    }

    @Test
    public void actionsWithoutTheCsrfTokenOrFromAnotherSiteChangeNothing() throws Exception {
        assertEquals(201, api.post(admin, "/nodes", node("csrf-target", "eu-west", "tier", "edge")).status());
        // a form posted from anywhere but a page of the console carries no console session
        HttpResponse<String> noSession = postForm("fog-nodes", "action=remove&node=csrf-target", null, null);
        assertEquals(403, noSession.statusCode());
        assertTrue(noSession.body(), noSession.body().contains("console session"));
        // the browser's own session, as a page of the console sends it, but no or a forged token
        open("fog-nodes?node=csrf-target");
        String token = new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("input[name='csrf']"))).getAttribute("value");
        String session = "FOG_CONSOLE_SESSION=" + browser.manage().getCookieNamed("FOG_CONSOLE_SESSION").getValue();
        HttpResponse<String> noToken = postForm("fog-nodes", "action=remove&node=csrf-target", null, session);
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body(), noToken.body().contains("CSRF"));
        HttpResponse<String> forged = postForm("fog-nodes", "action=remove&node=csrf-target&csrf=forged", null,
                session);
        assertEquals(403, forged.statusCode());
        // the token in the address, where logs and Referer headers would leak it
        HttpResponse<String> inQuery = postForm("fog-nodes?csrf=" + token, "action=remove&node=csrf-target", null,
                session);
        assertEquals(403, inQuery.statusCode());
        // the real token and session, but sent by another site
        HttpResponse<String> crossSite = postForm("fog-nodes", "action=remove&node=csrf-target&csrf=" + token,
                "http://evil.example", session);
        assertEquals(403, crossSite.statusCode());
        assertEquals(200, api.get(admin, "/nodes/csrf-target").status());
        HttpResponse<String> huge = postForm("fog-nodes", "action=remove&node=csrf-target&csrf=" + token
                + "&padding=" + "x".repeat(1024 * 1024), null, session);
        assertEquals(413, huge.statusCode());
        assertEquals(200, api.get(admin, "/nodes/csrf-target").status());
        // through the page itself: status set, then removed
        new Select(browser.findElement(By.id("status"))).selectByValue("MAINTENANCE");
        browser.findElement(By.id("fog-set-status")).click();
        assertTrue(waitFor(By.cssSelector(".fog-flash")).getText().contains("MAINTENANCE"));
        assertEquals("MAINTENANCE", api.get(admin, "/nodes/csrf-target").json().get("status").asText());
        browser.findElement(By.cssSelector("button[data-action='remove']")).click();
        browser.switchTo().alert().accept();
        assertTrue(waitFor(By.cssSelector(".fog-flash")).getText().contains("removed"));
        assertEquals(404, api.get(admin, "/nodes/csrf-target").status());
    }

    @Test
    public void poolsAreShownAndAProfileIsRecordedFromTheConsoleWithItsReportAndRecording() throws Exception {
        open("fog-resources");
        String pools = waitFor(By.id("fog-pool-table")).getText();
        assertTrue(pools, pools.contains("database/fog") && pools.contains("scheduler/coordinator-monitor"));

        open("fog-profiles");
        WebElement duration = waitFor(By.id("duration"));
        duration.clear();
        duration.sendKeys("1");
        browser.findElement(By.id("fog-profile-start")).click();
        String flash = waitFor(By.cssSelector(".fog-flash")).getText();
        assertTrue(flash, flash.startsWith("Recording profile-"));
        String id = flash.replaceAll("^Recording (\\S+) for.*$", "$1");
        JsonNode done = new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            JsonNode profile = api.get(admin, "/profiles/" + id).json();
            return "DONE".equals(profile.path("state").asText()) ? profile : null;
        });
        assertEquals("the console's user asked for it", "admin", done.get("requestedBy").asText());

        open("fog-profiles?profile=" + id);
        assertFalse(waitFor(By.id("fog-hot-methods")).findElements(By.cssSelector("tbody tr")).isEmpty());
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-profile-report");
        // the recording, downloaded with the console's session
        Object magic = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/system/console/fog-profiles/" + id + ".jfr').then(r => r.arrayBuffer())"
                + ".then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 3)))))"
                + ".catch(e => done('failed: ' + e));");
        assertEquals("FLR", magic);

        // bad input: a clear message, nothing recorded
        int before = api.get(admin, "/profiles").json().size();
        open("fog-profiles");
        WebElement bad = waitFor(By.id("duration"));
        bad.clear();
        bad.sendKeys("0");
        browser.executeScript("document.getElementById('duration').removeAttribute('min')");
        browser.findElement(By.id("fog-profile-start")).click();
        String refused = waitFor(By.cssSelector(".fog-error")).getText();
        assertTrue(refused, refused.contains("a recording lasts 1..600 s, got 0 s"));
        assertEquals(before, api.get(admin, "/profiles").json().size());
        open("fog-profiles?profile=profile-19990101T000000Z");
        assertTrue(waitFor(By.cssSelector(".fog-error")).getText().contains("no profile"));
    }

    @Test
    public void aDeploymentIsCreatedScaledAndDeletedFromTheConsole() throws Exception {
        for (String id : new String[] {"console-dep-1", "console-dep-2", "console-dep-3"}) {
            assertEquals(201, api.post(admin, "/nodes", node(id, "ap-south", "tier", "edge")).status());
        }
        open("fog-deployments");
        browser.findElement(By.cssSelector("#fog-deploy-form")).findElement(By.xpath("./ancestor::details"))
                .findElement(By.tagName("summary")).click();
        waitFor(By.id("deploy-name")).sendKeys("console-web");
        browser.findElement(By.id("deploy-image")).sendKeys("nginx:1.27");
        WebElement replicas = browser.findElement(By.id("deploy-replicas"));
        replicas.clear();
        replicas.sendKeys("2");
        browser.findElement(By.id("fog-deploy-create")).click();
        String flash = waitFor(By.cssSelector(".fog-flash")).getText();
        assertTrue(flash, flash.contains("Deployment console-web created: 2 of 2 replicas submitted"));
        WebElement table = waitFor(By.cssSelector("table[data-deployment='console-web']"));
        assertEquals(2, table.findElements(By.cssSelector("td.fog-replica-STARTING")).size());
        HeadlessChromium.screenshot(browser, SCREENSHOTS, "fog-deployments-created");

        WebElement count = browser.findElement(By.cssSelector("form input[name='replicas'][value='2']"));
        count.clear();
        count.sendKeys("1");
        count.findElement(By.xpath("./ancestor::form")).findElement(By.cssSelector("button")).click();
        assertTrue(waitFor(By.cssSelector(".fog-flash")).getText().contains("scaled to 1 replicas"));
        assertEquals(1, api.get(admin, "/deployments/console-web").json().get("replicas").size());

        // bad input: a clear message, nothing created
        open("fog-deployments");
        browser.findElement(By.cssSelector("#fog-deploy-form")).findElement(By.xpath("./ancestor::details"))
                .findElement(By.tagName("summary")).click();
        browser.executeScript("document.getElementById('deploy-name').removeAttribute('pattern')");
        waitFor(By.id("deploy-name")).sendKeys("Bad_Name");
        browser.findElement(By.id("deploy-image")).sendKeys("nginx:1.27");
        browser.findElement(By.id("fog-deploy-create")).click();
        assertTrue(waitFor(By.cssSelector(".fog-error")).getText().contains("a deployment name is"));
        assertEquals(1, api.get(admin, "/deployments").json().get("total").asInt());

        browser.executeScript("window.confirm = () => true");
        browser.findElement(By.cssSelector("button[data-action='delete']")).click();
        assertTrue(waitFor(By.cssSelector(".fog-flash")).getText().contains("Deployment console-web deleted"));
        assertEquals(404, api.get(admin, "/deployments/console-web").status());
    }

    private static long restarts(String service) {
        for (JsonNode s : api.get(admin, "/services").json()) {
            if (s.get("name").asText().equals(service)) {
                return s.get("restarts").asLong();
            }
        }
        throw new AssertionError("no service " + service);
    }

    private static void open(String page) {
        browser.get(console + "/" + page);
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static int consoleStatus(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console + "/fog-overview"));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpResponse<String> postForm(String page, String form, String origin, String cookie)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console + "/" + page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String node(String id, String region, String labelKey, String labelValue) {
        return "{\"id\":" + Api.JSON.valueToTree(id) + ",\"type\":\"EDGE_DEVICE\",\"region\":"
                + Api.JSON.valueToTree(region) + ",\"capacity\":{\"cpuCores\":4,\"memoryMb\":4096,"
                + "\"storageMb\":1000,\"gpuCount\":0},\"labels\":{" + Api.JSON.valueToTree(labelKey) + ":"
                + Api.JSON.valueToTree(labelValue) + "}}";
    }
}
