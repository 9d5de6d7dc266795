package io.parley.desktop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium windows, each with a profile of its own (so its own cookies), driven by the system's
 * ChromeDriver. The driver is named to Selenium, which then never looks for one itself: nothing is downloaded.
 */
final class Browsers implements AutoCloseable {

    /** Debian's packages chromium and chromium-driver put them here; the system properties name others. */
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Map<String, WebDriver> drivers = new LinkedHashMap<>();
    private final List<Path> profiles = new ArrayList<>();

    /**
     * Skips the calling test when no browser is installed, or fails it where one is required
     * ({@code PARLEY_REQUIRE_BROWSER=1}, as CI sets), so that a missing browser never passes unseen.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String missing = "Chromium and ChromeDriver are needed at " + CHROMIUM + " and " + DRIVER
                + ": install the Debian packages chromium chromium-driver";
        if (!installed && "1".equals(System.getenv("PARLEY_REQUIRE_BROWSER"))) {
            fail(missing + " (PARLEY_REQUIRE_BROWSER=1)");
        }
        assumeTrue(installed, missing);
    }

    /** A new window named {@code name}: its last screen is saved as target/screenshots/{name}-last.png on close. */
    WebDriver open(String name) {
        try {
            Path profile = Files.createTempDirectory("parley-chromium-");
            profiles.add(profile);
            System.setProperty("webdriver.chrome.driver", DRIVER.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1360,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            drivers.put(name, driver);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the window shows as target/screenshots/{name}.png. */
    static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Path saved = SCREENSHOTS.resolve(name + ".png");
            Files.copy(taken, saved, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(taken);
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Map.Entry<String, WebDriver> named : drivers.entrySet()) {
            try {
                screenshot(named.getValue(), named.getKey() + "-last");
                named.getValue().quit();
            } catch (RuntimeException gone) {
                // a window that crashed has nothing left to close
            }
        }
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException leftBehind) {
                // a temporary directory: the system cleans it up
            }
        }
    }
}
