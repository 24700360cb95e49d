package org.fogcompute.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The machine's own Chromium, driven headless through its own chromedriver: Selenium Manager is bypassed, so nothing
 * is downloaded. Tests that need it skip, saying why, on a machine without Chromium.
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of(System.getProperty("fog.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("fog.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Why the browser tests cannot run here, or null when they can. */
    static String missing() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return "Browser tests skipped: no Chromium at " + BROWSER + " with chromedriver at " + DRIVER
                    + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
        }
        return null;
    }

    static ChromeDriver start(Path profile) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // The background-networking flags matter: this machine refuses outside connections and Chromium would
        // keep trying (update checks, sync, component downloads).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** The errors the page wrote to the browser console since the last call. */
    static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList());
    }

    static Path screenshot(ChromeDriver driver, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = directory.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
