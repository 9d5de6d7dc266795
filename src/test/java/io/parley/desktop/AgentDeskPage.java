package io.parley.desktop;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The agent desktop as a person sees and clicks it, in one browser window. */
final class AgentDeskPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    AgentDeskPage(WebDriver driver, String url) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(url);
    }

    WebDriver driver() {
        return driver;
    }

    void signIn(String userName, String password) {
        submitSignIn(userName, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desk")));
    }

    void submitSignIn(String userName, String password) {
        WebElement name = driver.findElement(By.id("user-name"));
        WebElement secret = driver.findElement(By.id("password"));
        name.clear();
        name.sendKeys(userName);
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("sign-in-button")).click();
    }

    String signInError() {
        return wait.until(d -> {
            String text = d.findElement(By.id("sign-in-error")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    boolean deskShown() {
        return driver.findElement(By.id("desk")).isDisplayed();
    }

    /** Waits until the channel state badge reads {@code text}, e.g. "Ready". */
    void awaitState(String text) {
        wait.until(ExpectedConditions.textToBe(By.id("state"), text));
    }

    WebElement readyButton() {
        return driver.findElement(By.id("ready"));
    }

    WebElement notReadyButton() {
        return driver.findElement(By.id("not-ready"));
    }

    /** The offer of a chat from {@code customer}, once it is on the desk. */
    WebElement awaitOffer(String customer) {
        return wait.until(d -> d.findElements(By.cssSelector("#offers li")).stream()
                .filter(offer -> offer.getText().contains("Chat from " + customer)).findFirst().orElse(null));
    }

    static WebElement acceptOf(WebElement offer) {
        return offer.findElement(By.cssSelector("button.accept"));
    }

    static WebElement rejectOf(WebElement offer) {
        return offer.findElement(By.cssSelector("button.reject"));
    }

    /** The chat pane of chat {@code chatId} once it shows {@code state}. */
    WebElement awaitPane(String chatId, String state) {
        By pane = By.cssSelector("#chats article.chat[data-chat-id='" + chatId + "']");
        return wait.until(d -> d.findElements(pane).stream()
                .filter(found -> state.equals(found.getDomAttribute("data-state"))).findFirst().orElse(null));
    }

    /** Waits until the pane's transcript holds the line {@code text} ("Carla: hello", "Ben joined"). */
    void awaitLine(WebElement pane, String text) {
        wait.until(d -> lines(pane).contains(text));
    }

    static List<String> lines(WebElement pane) {
        return pane.findElements(By.cssSelector(".transcript li")).stream().map(WebElement::getText).toList();
    }

    static List<String> parties(WebElement pane) {
        return pane.findElements(By.cssSelector(".parties li")).stream().map(WebElement::getText).toList();
    }

    void awaitParties(WebElement pane, List<String> expected) {
        wait.until(d -> parties(pane).equals(expected));
    }

    void awaitTyping(WebElement pane, String text) {
        wait.until(d -> pane.findElement(By.cssSelector(".typing")).getText().equals(text));
    }

    static WebElement button(WebElement pane, String operation) {
        return pane.findElement(By.cssSelector("button[data-operation='" + operation + "']"));
    }

    void send(WebElement pane, String text) {
        WebElement input = pane.findElement(By.cssSelector("input.text"));
        input.sendKeys(text);
        button(pane, "SendMessage").click();
        wait.until(d -> input.getDomProperty("value").isEmpty());
    }

    /** Picks the agent signed up as {@code userName} and presses {@code operation} (Invite, Consult, Transfer). */
    void pickAgentAnd(WebElement pane, String userName, String operation) {
        WebElement target = pane.findElement(By.cssSelector("select.target"));
        target.click();
        By agent = By.cssSelector("option[data-user-name='" + userName + "']");
        WebElement option = wait.until(d -> target.findElements(agent).stream().findFirst().orElse(null));
        new Select(target).selectByValue(option.getDomAttribute("value"));
        button(pane, operation).click();
    }
}
