package dev.countdown.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Chromium driven as a person drives the pages: typing, opening menus, pressing buttons, reading text. */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;

    Chromium() {
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toString()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
    }

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    @Override
    public void close() {
        driver.quit();
    }

    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    /** Types a message in the playground's composer and sends it. */
    void type(String message) {
        var input = find(By.id("text"));
        input.sendKeys(message);
        input.submit();
        gone(input);
        loaded();
    }

    /** Clicks a button, first opening the item's menu it sits in, and waits for the page it submits to. */
    void press(String label) {
        reveal(label);
        var button = find(buttonLabelled(label));
        button.click();
        gone(button);
        loaded();
    }

    /** Opens a dialog with a button of an item's menu, writes in its text box, and submits it. */
    void fillDialog(String opener, String text) {
        reveal(opener);
        find(buttonLabelled(opener)).click();
        var box = find(By.cssSelector("dialog[open] textarea"));
        box.sendKeys(text);
        var submit = find(By.cssSelector("dialog[open] button[type=submit]"));
        submit.click();
        gone(submit);
        loaded();
    }

    void actAs(String user) {
        new Select(find(By.id("user"))).selectByValue(user);
        press("Switch");
    }

    /** The element's text; the live page may swap the element between finding and reading it. */
    String text(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    String attribute(String css, String name) {
        return new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getAttribute(name));
    }

    void waitFor(BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** A clickable element; a page swapped while looking (a live update, a navigation) is looked at again. */
    WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.elementToBeClickable(by));
    }

    /** The whole page, {@code width} pixels wide, as a PNG under target/screenshots. */
    void screenshot(String name, int width) throws Exception {
        driver.manage().window().setSize(new Dimension(width, 900));
        Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(width, Math.min(6000, height.intValue() + 140)));
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 2000));
    }

    /** Whether the page, {@code width} pixels wide, needs no sideways scrolling. */
    boolean fits(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        Object fits = script("return document.documentElement.scrollWidth <= window.innerWidth;");
        driver.manage().window().setSize(new Dimension(1280, 2000));
        return Boolean.TRUE.equals(fits);
    }

    private static By buttonLabelled(String label) {
        return By.cssSelector("button[aria-label='" + label.replace("'", "\\'") + "']");
    }

    /** An item's actions sit in its menu, as in Slack: open the menu first. */
    private void reveal(String label) {
        var menu = driver.findElements(By.xpath("//details[.//button[@aria-label=\"" + label + "\"]]/summary"));
        if (!menu.isEmpty() && !driver.findElement(buttonLabelled(label)).isDisplayed()) {
            menu.getFirst().click();
        }
    }

    /**
     * Waits until the element's page has been replaced. ChromeDriver reports such an element as
     * stale, or as a node that "does not belong to the document": both mean gone.
     */
    private void gone(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException replaced) {
                return true;
            }
        });
    }

    private void loaded() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
