package io.visualinspection.systemtests;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of the operator's Inspect view, with the header every view shares. */
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
        pointAtVerdict();
        // The verdict may repeat the previous one: wait for the count of shown results to move on.
        wait.until(d -> !shownCount().equals(before));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("trigger")));
        return verdict();
    }

    /** Presses Trigger; answers whether progress showed with Trigger disabled until the result came. */
    boolean triggerShowsProgress() {
        String before = shownCount();
        driver.findElement(By.id("trigger")).click();
        pointAtVerdict();
        boolean busy;
        try {
            busy = new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> shownCount().equals(before)
                    && d.findElement(By.id("progress")).isDisplayed()
                    && d.findElement(By.id("trigger")).getDomAttribute("disabled") != null);
        } catch (org.openqa.selenium.TimeoutException e) {
            busy = false;
        }
        wait.until(d -> !shownCount().equals(before));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("trigger")));
        return busy && !driver.findElement(By.id("progress")).isDisplayed();
    }

    /** Moves the pointer off Trigger, as an operator's hand would, so that its tooltip closes. */
    private void pointAtVerdict() {
        new Actions(driver).moveToElement(driver.findElement(By.id("verdict"))).perform();
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

    String error() {
        WebElement error = driver.findElement(By.id("error"));
        return error.isDisplayed() ? error.getText().trim() : "";
    }

    String lineName() {
        return driver.findElement(By.id("line-name")).getText().trim();
    }

    String settingsSummary() {
        return driver.findElement(By.id("settings-summary")).getText().trim();
    }

    /** "20261122T031512123Z-a1b2c3d4" */
    String inspectionId() {
        return driver.findElement(By.id("inspection-id")).getText().trim().replaceFirst("^Inspection ", "");
    }

    List<String> items() {
        return driver.findElements(By.cssSelector("#items li")).stream().map(e -> e.getText().trim()).toList();
    }

    String timings() {
        return driver.findElement(By.id("timings")).getText().trim();
    }

    boolean imageShown() {
        WebElement image = driver.findElement(By.id("result-image"));
        return image.isDisplayed() && image.getDomProperty("src").startsWith("data:image/") && loaded(image);
    }

    /** "annotated" or "raw". */
    String imageVariant() {
        return driver.findElement(By.id("result-image")).getDomAttribute("data-variant");
    }

    void showRaw() {
        driver.findElement(By.id("show-raw")).click();
        wait.until(d -> "raw".equals(imageVariant()) && imageShown());
    }

    void showAnnotated() {
        driver.findElement(By.id("show-annotated")).click();
        wait.until(d -> "annotated".equals(imageVariant()) && imageShown());
    }

    /** Overrules the shown decision with the system's opposite verdict (the dialog's default). */
    String overrule(String operator, String comment) {
        driver.findElement(By.id("overrule")).click();
        WebElement name = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#overrule-operator input")));
        name.clear();
        name.sendKeys(operator);
        driver.findElement(By.cssSelector("#overrule-comment textarea")).sendKeys(comment);
        driver.findElement(By.id("overrule-save")).click();
        return wait.until(d -> {
            WebElement status = d.findElement(By.id("overrule-status"));
            return status.isDisplayed() ? status.getText().trim() : null;
        });
    }

    SettingsDrawerPage openSettings() {
        driver.findElement(By.id("settings-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-apply")));
        return new SettingsDrawerPage(driver);
    }

    /** The header's status dot: up, degraded, down (unknown before the first check). */
    String statusDot() {
        String state = driver.findElement(By.id("status-dot")).getDomAttribute("data-state");
        return state == null ? "unknown" : state;
    }

    HistoryPage goToHistory() {
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='history']")).click();
        return new HistoryPage(driver).awaitShown();
    }

    static boolean loaded(WebElement image) {
        WebDriver driver = ((org.openqa.selenium.WrapsDriver) image).getWrappedDriver();
        return Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }
}
