package io.visualinspection.monitoringtests;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Prometheus's own graph page for a query, photographed by Debian's headless Chromium into
 * {@code docs/screenshots/} (Grafana cannot run here; these show the dashboards' main queries on real data).
 * Skipped with a reason where Chromium is not installed, failed when {@code CI=true}.
 */
final class PrometheusScreenshots {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private PrometheusScreenshots() {
    }

    /**
     * One screenshot per file name: the graph of its query over the given range; and the alerts page. Debian's
     * package serves Prometheus's classic UI (under /classic/).
     */
    static void take(Prometheus prometheus, Map<String, String> queries, String range) throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String reason = "screenshots need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; CI=true, so this is a failure");
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        Path docs = Path.of(System.getProperty("docs.dir", "../docs"), "screenshots");
        Files.createDirectories(docs);
        ChromeDriver driver = start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            for (Map.Entry<String, String> shot : queries.entrySet()) {
                driver.get(prometheus.url() + "/classic/graph?g0.expr=" + URLEncoder.encode(shot.getValue(),
                        StandardCharsets.UTF_8) + "&g0.tab=0&g0.stacked=0&g0.range_input=" + range);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("div.graph svg path")));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("div.legend li")));
                Thread.sleep(500);
                Files.write(docs.resolve(shot.getKey()), driver.getScreenshotAs(OutputType.BYTES));
            }
            driver.get(prometheus.url() + "/classic/alerts");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.alert_header")));
            for (WebElement header : driver.findElements(By.xpath(
                    "//tr[contains(@class, 'alert_header')][.//b[text()='InspectionNokRateHigh']]"))) {
                header.click(); // shows the rule and its active alerts with their values
            }
            Thread.sleep(500);
            Files.write(docs.resolve("prometheus-alerts.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    private static ChromeDriver start() throws Exception {
        String profile = Files.createTempDirectory("chromium-profile").toString();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1200", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
