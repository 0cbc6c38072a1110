package io.visualinspection.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** The operator presses Trigger in a real browser and sees the decision and the drawn image. */
@Order(2)
class OperatorUiBrowserIT {

    final RunningSystem system = RunningSystem.get();
    ChromeDriver driver;

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void triggerShowsTheDecisionAndTheDrawnImage() throws Exception {
        InspectPage page = new InspectPage(driver).open(system.frontend.url());
        assertThat(page.lineName()).isEqualTo("Line 1");
        List<String> verdicts = new ArrayList<>();
        // The camera cycles through three sample images; three triggers show both outcomes.
        for (int i = 0; i < 3; i++) {
            verdicts.add(page.trigger());
            assertThat(page.imageShown()).isTrue();
            assertThat(page.detail()).contains("demo-cat / cat-centred");
            if (verdicts.get(i).equals("OK")) {
                screenshot("inspect-ok.png");
            } else if (i == 2) {
                screenshot("inspect-nok.png");
            }
        }
        assertThat(verdicts).contains("OK", "NOK");
        assertThat(verdicts).allMatch(v -> v.equals("OK") || v.equals("NOK"));
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
