package io.parley.desktop;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The customer's chat widget as a person sees and uses it. */
final class CustomerWidgetPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    CustomerWidgetPage(WebDriver driver, String url) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(url);
    }

    WebDriver driver() {
        return driver;
    }

    /** Starts a chat and answers its id once the widget shows it. */
    String start(String nickname) {
        driver.findElement(By.id("nickname")).sendKeys(nickname);
        driver.findElement(By.id("start-button")).click();
        WebElement chat = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat")));
        return chat.getDomAttribute("data-chat-id");
    }

    void awaitTitle(String title) {
        wait.until(ExpectedConditions.textToBe(By.id("title"), title));
    }

    String title() {
        return driver.findElement(By.id("title")).getText();
    }

    WebElement sendButton() {
        return driver.findElement(By.id("send"));
    }

    WebElement leaveButton() {
        return driver.findElement(By.id("leave"));
    }

    List<String> lines() {
        return driver.findElements(By.cssSelector("#transcript li")).stream().map(WebElement::getText).toList();
    }

    void awaitLine(String text) {
        wait.until(d -> lines().contains(text));
    }

    List<String> parties() {
        return driver.findElements(By.cssSelector("#parties li")).stream().map(WebElement::getText).toList();
    }

    void awaitParties(List<String> expected) {
        wait.until(d -> parties().equals(expected));
    }

    /** Types without sending: the agents see the customer typing. */
    void type(String text) {
        driver.findElement(By.id("text")).sendKeys(text);
    }

    void send() {
        WebElement input = driver.findElement(By.id("text"));
        driver.findElement(By.id("send")).click();
        wait.until(d -> input.getDomProperty("value").isEmpty());
    }

    void send(String text) {
        type(text);
        send();
    }
}
