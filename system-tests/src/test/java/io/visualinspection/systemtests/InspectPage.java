package io.visualinspection.systemtests;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of the operator's Inspect view. */
final class InspectPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    InspectPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    InspectPage open(String baseUrl) {
        driver.get(baseUrl + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("trigger")));
        return this;
    }

    /** Clicks Trigger and waits until the verdict shows a result (or an error). */
    String trigger() {
        String before = shownCount();
        driver.findElement(By.id("trigger")).click();
        // The verdict may repeat the previous one: wait for the count of shown results to move on.
        wait.until(d -> !shownCount().equals(before));
        return verdict();
    }

    private String shownCount() {
        String count = driver.findElement(By.id("verdict")).getDomAttribute("data-shown");
        return count == null ? "0" : count;
    }

    String verdict() {
        return driver.findElement(By.id("verdict")).getText().trim();
    }

    String detail() {
        return driver.findElement(By.id("verdict-detail")).getText().trim();
    }

    String lineName() {
        return driver.findElement(By.id("line-name")).getText().trim();
    }

    boolean imageShown() {
        WebElement image = driver.findElement(By.id("result-image"));
        return image.isDisplayed() && image.getAttribute("src").startsWith("data:image/jpeg;base64,");
    }
}
