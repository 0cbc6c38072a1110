package io.visualinspection.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operator in a real browser against the whole system: trigger, verdict, image toggle, overrule, history
 * with its live update and detail page, settings, status, a camera failure, and the tablet layout. One browser
 * session for the class (settings are per session); screenshots of each view go to {@code docs/screenshots/}.
 */
@Order(2)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorUiBrowserIT {

    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension TABLET = new Dimension(1024, 768);

    final RunningSystem system = RunningSystem.get();
    ChromeDriver driver;

    @BeforeAll
    void openBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    InspectPage inspect() {
        viewport(DESKTOP);
        return new InspectPage(driver).open(system.frontend.url());
    }

    /** The page's own size (the window's, less what the browser needs for itself). */
    void viewport(Dimension size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width, "height",
                size.height, "deviceScaleFactor", 1, "mobile", false));
    }

    @Test
    @Order(1)
    void triggerShowsTheDecisionTheItemsAndBothImages() throws Exception {
        InspectPage page = inspect();
        assertThat(page.lineName()).isEqualTo("Line 1");
        List<String> verdicts = new ArrayList<>();
        // The camera cycles through three sample images; three triggers show both outcomes.
        for (int i = 0; i < 3; i++) {
            if (i == 0) {
                assertThat(page.triggerShowsProgress()).as("progress while it runs, Trigger disabled").isTrue();
                verdicts.add(page.verdict());
            } else {
                verdicts.add(page.trigger());
            }
            assertThat(page.imageShown()).isTrue();
            assertThat(page.imageVariant()).isEqualTo("annotated");
            assertThat(page.detail()).contains("demo-cat / cat-centred");
            assertThat(page.timings()).contains("camera").contains("inference").contains("total");
            if (verdicts.get(i).equals("OK")) {
                assertThat(page.items()).containsExactly("✔ Item 1: found");
                screenshot("inspect-ok.png");
                page.showRaw();
                page.showAnnotated();
            } else if (i == 2) {
                assertThat(page.items()).startsWith("✘ Item 1: missing");
                screenshot("inspect-nok.png");
            }
        }
        assertThat(verdicts).contains("OK", "NOK");
        assertThat(verdicts).allMatch(v -> v.equals("OK") || v.equals("NOK"));
    }

    @Test
    @Order(2)
    void anOverruleIsRecordedAndTheHistoryShowsIt() throws Exception {
        InspectPage page = inspect();
        String verdict = page.trigger();
        String id = page.inspectionId();
        String flipped = verdict.equals("OK") ? "NOK" : "OK";
        assertThat(page.overrule("Anna", "checked by hand")).startsWith("Operator verdict recorded: " + flipped
                + " by Anna at ").endsWith(": checked by hand");

        HistoryPage history = page.goToHistory();
        assertThat(history.awaitEntry(id, Duration.ofSeconds(10))).isEqualTo(flipped + " (overruled)");
        assertThat(history.thumbnailShown(id)).isTrue();
        screenshot("history.png");

        HistoryPage.DetailPage detail = history.openEntry(id);
        assertThat(detail.verdict()).isEqualTo(flipped + " (overruled)");
        assertThat(detail.overrule()).contains("by Anna").endsWith("(system: " + verdict + ")");
        assertThat(detail.bothImagesShown()).isTrue();
        assertThat(detail.json()).contains("\"inspection_id\" : \"" + id + "\"").contains("\"operator\" : \"Anna\"");
        screenshot("detail.png");
    }

    @Test
    @Order(3)
    void theHistoryShowsInspectionsOfALineControllerAsTheyArrive() {
        HistoryPage history = new HistoryPage(driver).open(system.frontend.url());
        String id = given().baseUri(system.backend.url()).when().get("/main/with-camera?return_options=1")
                .then().statusCode(200).extract().path("inspection_id");
        assertThat(history.awaitEntry(id, Duration.ofSeconds(10))).isIn("OK", "NOK");
        history.filter("filter-ok");
        assertThat(history.onlyDecisionsStartingWith("OK")).isTrue();
    }

    @Test
    @Order(4)
    void settingsHoldForTheSessionAndGoWithTheTrigger() throws Exception {
        InspectPage page = inspect();
        SettingsDrawerPage settings = page.openSettings();
        assertThat(settings.patternPlaceholder()).isEqualTo("default: demo-cat");
        assertThat(settings.patternNote()).isEqualTo("demo-cat: cat-centred (1 item)");
        assertThat(settings.modelParameter("score_threshold")).isEqualTo("0.25");
        settings.minScore("0.95");
        settings.modelParameter("score_threshold", "0.3");
        settings.showModels();
        screenshot("settings.png");
        settings.apply();
        assertThat(page.settingsSummary()).contains("min score 0.95");

        page.trigger();
        String id = page.inspectionId();
        String minScore = given().baseUri(system.backend.url()).when().get("/inspections/" + id)
                .then().statusCode(200).extract().path("parameters.min_score");
        assertThat(minScore).isEqualTo("0.95");
        String scoreThreshold = given().baseUri(system.backend.url()).when().get("/inspections/" + id)
                .then().statusCode(200).extract().path("parameters.score_threshold");
        assertThat(scoreThreshold).as("the model parameter reached the inference call").isEqualTo("0.3");

        // Settings belong to the session: a reload keeps them.
        page = inspect();
        assertThat(page.settingsSummary()).contains("min score 0.95");
        SettingsDrawerPage again = page.openSettings();
        again.minScore("");
        again.apply();
        assertThat(page.settingsSummary()).contains("min score default");
    }

    @Test
    @Order(5)
    void theStatusViewShowsEachServiceAndLinks() throws Exception {
        viewport(DESKTOP);
        StatusPage status = new StatusPage(driver).open(system.frontend.url());
        status.refreshUntil("camera", "UP");
        assertThat(status.state("backend")).isEqualTo("UP");
        assertThat(status.state("inference")).isEqualTo("UP");
        assertThat(status.summary("camera")).isEqualTo("camera EMU-0001 connected");
        assertThat(status.models()).contains("yolov5s-coco").contains("on cpu").contains("default");
        assertThat(status.link("link-backend-api")).isEqualTo(system.backend.url() + "/q/swagger-ui");
        assertThat(status.link("link-prometheus")).isEqualTo("http://127.0.0.1:9090");
        assertThat(new InspectPage(driver).statusDot()).isEqualTo("up");
        screenshot("status.png");
    }

    @Test
    @Order(6)
    void aCameraFailureIsAClearMessageNotATrace() throws Exception {
        String faults = system.camera.url() + "/admin/faults";
        try {
            given().contentType(ContentType.JSON).body("{\"disconnected\": true}").when().put(faults)
                    .then().statusCode(200);
            InspectPage page = inspect();
            assertThat(page.trigger()).isEqualTo("NOT INSPECTED");
            assertThat(page.error()).startsWith("camera is unavailable: camera EMU-0001 disconnected");
            String text = driver.findElement(By.tagName("body")).getText();
            assertThat(text).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("at java.");
            screenshot("inspect-error.png");

            StatusPage status = new StatusPage(driver).open(system.frontend.url());
            status.refreshUntil("camera", "DEGRADED");
            assertThat(status.summary("camera")).isEqualTo("camera EMU-0001 disconnected");
        } finally {
            given().when().delete(faults).then().statusCode(200);
        }
    }

    @Test
    @Order(7)
    void onATabletEverythingFitsAndTheVerdictIsLarge() throws Exception {
        viewport(TABLET);
        InspectPage page = new InspectPage(driver).open(system.frontend.url());
        page.trigger();
        assertThat(page.imageShown()).isTrue();
        JavascriptExecutor js = driver;
        Number overflow = (Number) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        assertThat(driver.findElement(By.id("trigger")).getSize().getHeight()).isGreaterThanOrEqualTo(64);
        assertThat(driver.findElement(By.id("verdict")).getSize().getWidth()).isGreaterThan(600);
        screenshot("tablet.png");
    }

    private void screenshot(String name) throws Exception {
        String docs = System.getProperty("docs.dir");
        if (docs != null) {
            Path dir = Path.of(docs, "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
