package io.visualinspection.systemtests;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of the History view and of an inspection's detail page. */
final class HistoryPage {

    private final WebDriver driver;
    private final FluentWait<WebDriver> wait;

    HistoryPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
    }

    HistoryPage open(String baseUrl) {
        driver.get(baseUrl + "/history");
        return awaitShown();
    }

    HistoryPage awaitShown() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-grid")));
        return this;
    }

    private By entry(String inspectionId) {
        return By.cssSelector("span.decision-chip[data-inspection-id='" + inspectionId + "']");
    }

    /** Waits until the inspection is listed (the list refreshes by itself) and answers its decision. */
    String awaitEntry(String inspectionId, Duration within) {
        return new WebDriverWait(driver, within).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(entry(inspectionId))).getText().trim();
    }

    boolean thumbnailShown(String inspectionId) {
        // The thumbnail is in the same row: the grid lays cells out by slot, so find it by row position.
        return wait.until(d -> {
            for (WebElement img : d.findElements(By.cssSelector("img.thumbnail"))) {
                if (("Inspection " + inspectionId).equals(img.getDomAttribute("alt")) && InspectPage.loaded(img)) {
                    return true;
                }
            }
            return null;
        });
    }

    void filter(String tabId) {
        driver.findElement(By.id(tabId)).click();
    }

    /** Waits until every listed decision starts so (after a filter change); the grid keeps unused rows hidden. */
    boolean onlyDecisionsStartingWith(String decision) {
        return wait.until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("span.decision-chip")).stream()
                    .filter(WebElement::isDisplayed).toList();
            return !shown.isEmpty() && shown.stream().allMatch(c -> c.getText().startsWith(decision));
        });
    }

    DetailPage openEntry(String inspectionId) {
        driver.findElement(entry(inspectionId)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record-json")));
        return new DetailPage(driver);
    }

    /** An inspection's detail page. */
    static final class DetailPage {
        private final WebDriver driver;
        private final FluentWait<WebDriver> wait;

        DetailPage(WebDriver driver) {
            this.driver = driver;
            this.wait = new WebDriverWait(driver, Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class);
        }

        String verdict() {
            return driver.findElement(By.id("detail-verdict")).getText().trim();
        }

        String overrule() {
            return driver.findElement(By.id("detail-overrule")).getText().trim();
        }

        String json() {
            return driver.findElement(By.id("record-json")).getText();
        }

        boolean bothImagesShown() {
            return wait.until(d -> InspectPage.loaded(d.findElement(By.id("detail-image")))
                    && InspectPage.loaded(d.findElement(By.id("detail-image-drawn"))));
        }
    }
}
