package io.visualinspection.systemtests;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of the settings drawer. */
final class SettingsDrawerPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    SettingsDrawerPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    String patternKey() {
        return driver.findElement(By.cssSelector("#pattern-key input")).getDomProperty("value");
    }

    String patternPlaceholder() {
        return driver.findElement(By.cssSelector("#pattern-key input")).getDomAttribute("placeholder");
    }

    String patternNote() {
        return text("pattern-note");
    }


    /** The text even when the drawer has it scrolled out of sight. */
    private String text(String id) {
        return driver.findElement(By.id(id)).getDomProperty("textContent").trim();
    }

    /** The value shown by a model parameter's control. */
    String modelParameter(String name) {
        return driver.findElement(By.cssSelector("#model-parameter-" + name + " input")).getDomProperty("value");
    }

    SettingsDrawerPage modelParameter(String name, String value) {
        type("#model-parameter-" + name + " input", value);
        return this;
    }

    SettingsDrawerPage minScore(String value) {
        type("#min-score input", value);
        return this;
    }

    SettingsDrawerPage serialNumber(String value) {
        type("#camera-serial input", value);
        return this;
    }

    private void type(String css, String value) {
        WebElement input = driver.findElement(By.cssSelector(css));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
    }

    /** Scrolls the drawer down to the model and its parameters. */
    SettingsDrawerPage showModels() {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'end'})",
                driver.findElement(By.id("model-note")));
        return this;
    }

    void apply() {
        driver.findElement(By.id("settings-apply")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("settings-apply")));
    }

    void close() {
        driver.findElement(By.id("settings-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("settings-apply")));
    }
}
