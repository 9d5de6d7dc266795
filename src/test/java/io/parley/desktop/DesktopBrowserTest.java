package io.parley.desktop;

import static io.parley.desktop.AgentDeskPage.acceptOf;
import static io.parley.desktop.AgentDeskPage.button;
import static io.parley.desktop.AgentDeskPage.lines;
import static io.parley.desktop.AgentDeskPage.parties;
import static io.parley.desktop.AgentDeskPage.rejectOf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The desktop pages in a real headless Chromium, three windows with their own cookies: a customer opens the widget,
 * agent A accepts the chat, invites agent B, B accepts, all three talk, B leaves, A completes. Each step is checked
 * on the screens of everyone it concerns, through nothing but what the pages show.
 */
@QuarkusTest
class DesktopBrowserTest {

    private final Browsers browsers = new Browsers();
    private final List<Agent> agents = new ArrayList<>();

    @BeforeEach
    void browserInstalled() {
        Browsers.assumeInstalled();
    }

    @AfterEach
    void close() {
        browsers.close();
        // the agents the pages left Ready would otherwise be offered the next tests' chats
        for (Agent agent : agents) {
            Parley.as(agent.token()).body(Map.of("operationName", "EndContactCenterSession")).post("/api/v2/me");
        }
    }

    @Test
    void aCustomerAndTwoAgentsConferThroughThePages() {
        Agent ann = agent("Ann");
        Agent ben = agent("Ben");

        AgentDeskPage a = new AgentDeskPage(browsers.open("agent-a"), page("agent.html"));
        a.signIn(ann.userName(), password(ann));
        a.awaitState("Not Ready");
        assertTrue(a.readyButton().isEnabled(), "a NotReady agent can become Ready");
        assertFalse(a.notReadyButton().isEnabled(), "and is NotReady already");
        a.readyButton().click();
        a.awaitState("Ready");
        assertFalse(a.readyButton().isEnabled());

        CustomerWidgetPage customer = new CustomerWidgetPage(browsers.open("customer"), page("customer.html"));
        String chatId = customer.start("Carla");
        assertEquals("Waiting for an agent…", customer.title());

        // A is offered the chat and accepts it
        WebElement offer = a.awaitOffer("Carla");
        assertTrue(acceptOf(offer).isEnabled() && rejectOf(offer).isEnabled(), "an offer can be accepted or rejected");
        acceptOf(offer).click();
        WebElement paneA = a.awaitPane(chatId, "Chatting");
        a.awaitParties(paneA, List.of("Carla (customer)", "Ann (you)"));
        for (String operation : List.of("SendMessage", "Invite", "Consult", "Transfer", "Leave", "Complete")) {
            assertTrue(button(paneA, operation).isEnabled(), operation + " is among the only agent's capabilities");
        }
        customer.awaitTitle("Chatting with Ann");
        customer.awaitLine("Ann joined");

        // the customer types, and A sees it before the message arrives
        customer.type("Hello, my order has not arrived");
        a.awaitTyping(paneA, "Carla is typing…");
        customer.send();
        a.awaitLine(paneA, "Carla: Hello, my order has not arrived");
        a.awaitTyping(paneA, "");
        a.send(paneA, "Hello Carla, let me ask a colleague");
        customer.awaitLine("Ann: Hello Carla, let me ask a colleague");

        // B signs in and becomes Ready; A invites B by picking them from the agents
        AgentDeskPage b = new AgentDeskPage(browsers.open("agent-b"), page("agent.html"));
        b.signIn(ben.userName(), password(ben));
        b.awaitState("Not Ready");
        b.readyButton().click();
        b.awaitState("Ready");
        a.pickAgentAnd(paneA, ben.userName(), "Invite");

        WebElement invitation = b.awaitOffer("Carla");
        assertTrue(acceptOf(invitation).isEnabled());
        acceptOf(invitation).click();
        WebElement paneB = b.awaitPane(chatId, "Chatting");
        b.awaitLine(paneB, "Carla: Hello, my order has not arrived");
        b.awaitLine(paneB, "Ann: Hello Carla, let me ask a colleague");
        b.awaitParties(paneB, List.of("Carla (customer)", "Ann", "Ben (you)"));
        a.awaitParties(paneA, List.of("Carla (customer)", "Ann (you)", "Ben"));
        a.awaitLine(paneA, "Ben joined");
        customer.awaitLine("Ben joined");
        customer.awaitTitle("Chatting with Ann, Ben");
        customer.awaitParties(List.of("Carla (you)", "Ann", "Ben"));

        // all three talk, and everyone reads everything
        b.send(paneB, "Ben here, I can track it");
        customer.send("Thank you both");
        a.send(paneA, "Ben will take it from here");
        for (String line : List.of("Ben: Ben here, I can track it", "Carla: Thank you both",
                "Ann: Ben will take it from here")) {
            a.awaitLine(paneA, line);
            b.awaitLine(paneB, line);
            customer.awaitLine(line);
        }
        Browsers.screenshot(a.driver(), "agent-conference");
        Browsers.screenshot(b.driver(), "agent-invited");
        Browsers.screenshot(customer.driver(), "customer-conference");

        // B leaves: their pane ends with every operation off, and B is gone from the others' party lists
        assertTrue(button(paneB, "Leave").isEnabled());
        button(paneB, "Leave").click();
        WebElement leftB = b.awaitPane(chatId, "Completed");
        for (String operation : List.of("SendMessage", "Invite", "Consult", "Transfer", "Leave", "Complete")) {
            assertFalse(button(leftB, operation).isEnabled(), operation + " after B's part is over");
        }
        a.awaitParties(paneA, List.of("Carla (customer)", "Ann (you)"));
        a.awaitLine(paneA, "Ben left");
        customer.awaitParties(List.of("Carla (you)", "Ann"));
        customer.awaitLine("Ben left");
        customer.awaitTitle("Chatting with Ann");
        assertTrue(button(paneA, "Invite").isEnabled(), "A can invite again");
        assertEquals(List.of("Carla (customer)", "Ann (you)"), parties(paneA));
        assertTrue(lines(paneA).indexOf("Ben joined") < lines(paneA).indexOf("Ben: Ben here, I can track it"));
        Browsers.screenshot(a.driver(), "agent-after-leave");
        Browsers.screenshot(customer.driver(), "customer-after-leave");

        // A completes: the chat ends, and the customer's buttons follow their capabilities, which are gone
        assertTrue(customer.sendButton().isEnabled() && customer.leaveButton().isEnabled(), "while chatting");
        button(paneA, "Complete").click();
        a.awaitPane(chatId, "Completed");
        customer.awaitTitle("This chat has ended.");
        assertFalse(customer.sendButton().isEnabled(), "nothing to send to an ended chat");
        assertFalse(customer.leaveButton().isEnabled());
    }

    @Test
    void aWrongPasswordIsRefusedOnThePageAndTheRightOneThenOpensTheDesk() {
        Agent ann = agent("Ann");
        AgentDeskPage a = new AgentDeskPage(browsers.open("wrong-password"), page("agent.html"));

        a.submitSignIn(ann.userName(), "not-" + password(ann));

        String refusal = given().contentType(ContentType.JSON)
                .body(Map.of("username", ann.userName(), "password", "not-" + password(ann)))
                .post("/api/v2/auth/token").then().statusCode(401).extract().path("statusMessage");
        assertEquals(refusal, a.signInError(), "the page shows the API's own refusal");
        assertFalse(a.deskShown(), "no desk without a session");

        a.signIn(ann.userName(), password(ann));
        a.awaitState("Not Ready");
    }

    private Agent agent(String firstName) {
        Agent agent = Parley.createAgent(firstName);
        agents.add(agent);
        return agent;
    }

    private static String password(Agent agent) {
        return "password-" + agent.userName();
    }

    private static String page(String name) {
        return RestAssured.baseURI + ":" + RestAssured.port + "/desktop/" + name;
    }
}
