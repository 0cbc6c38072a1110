package io.visualinspection.systemtests;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of the Status view. */
final class StatusPage {

    private final WebDriver driver;
    private final FluentWait<WebDriver> wait;

    StatusPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
    }

    StatusPage open(String baseUrl) {
        driver.get(baseUrl + "/status");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-inference-state")));
        return this;
    }

    /** UP, DEGRADED or DOWN of backend, camera or inference. */
    String state(String service) {
        return driver.findElement(By.id("status-" + service + "-state")).getText().trim();
    }

    String summary(String service) {
        return driver.findElement(By.id("status-" + service + "-summary")).getText().trim();
    }

    String models() {
        return driver.findElement(By.id("status-models")).getText().trim();
    }

    String link(String id) {
        return driver.findElement(By.id(id)).getDomAttribute("href");
    }

    /** Presses Refresh until the service's card says {@code state} (the view also checks by itself). */
    void refreshUntil(String service, String state) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(2))
                .ignoring(StaleElementReferenceException.class).until(d -> {
            if (state.equals(state(service))) {
                return true;
            }
            if (d.findElement(By.id("status-refresh")).getDomAttribute("disabled") == null) {
                d.findElement(By.id("status-refresh")).click();
            }
            return false;
        });
    }
}
