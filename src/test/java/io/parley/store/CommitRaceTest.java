package io.parley.store;

import static io.parley.support.Parley.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.chat.Actor;
import io.parley.chat.Availability;
import io.parley.chat.ChatRules;
import io.parley.chat.MessageType;
import io.parley.chat.Moment;
import io.parley.chat.Operation;
import io.parley.chat.Outcome;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The commit's version check, the only thing that keeps two instances from overwriting each other's changes of one
 * chat (within an instance writers also take turns, which hides its absence). Another instance is played
 * deterministically: its commit lands between this writer's load and this writer's commit.
 */
@QuarkusTest
class CommitRaceTest {

    @Inject
    ChatRepository chats;

    @Inject
    ChatRules rules;

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void aWriterOvertakenByAnotherInstanceDecidesAgainAndBothChangesStay() {
        Agent agent = Parley.readyAgent("overtaken");
        Customer customer = chatting(agent);
        AtomicInteger attempts = new AtomicInteger();

        Outcome outcome = chats.update(customer.chatId(), null, false, snapshot -> {
            if (attempts.getAndIncrement() == 0) {
                Outcome theirs = say(snapshot, new Actor.Customer(customer.participantId()), "theirs");
                assertEquals(ChatRepository.CommitResult.COMMITTED,
                        chats.commit((Outcome.Applied) theirs, snapshot.chat().version(), ""));
            }
            return say(snapshot, new Actor.Agent(agent.id()), "mine");
        });

        assertInstanceOf(Outcome.Applied.class, outcome);
        assertEquals(2, attempts.get(), "the overtaken commit must be refused and decided again from a fresh load");
        JsonPath transcript = transcript(agent, customer);
        List<Integer> indexes = transcript.getList("messages.index");
        assertEquals(IntStream.rangeClosed(1, indexes.size()).boxed().toList(), indexes, transcript.prettify());
        assertEquals(List.of("theirs", "mine"), transcript.getList("messages.findAll { it.type == 'Text' }.text"));
    }

    @Test
    void aCommitOnAnOutdatedVersionIsRefusedAndChangesNothing() {
        Agent agent = Parley.readyAgent("outdated");
        Customer customer = chatting(agent);
        ChatRepository.Snapshot outdated = chats.load(customer.chatId(), null, false).orElseThrow();
        Parley.operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", "newer"));
        String before = transcript(agent, customer).prettify();

        ChatRepository.CommitResult result = chats.commit(
                (Outcome.Applied) say(outdated, new Actor.Agent(agent.id()), "from an outdated load"),
                outdated.chat().version(), "");

        assertEquals(ChatRepository.CommitResult.CONFLICT, result);
        assertEquals(before, transcript(agent, customer).prettify(), "nothing written");
    }

    private Outcome say(ChatRepository.Snapshot snapshot, Actor actor, String text) {
        return rules.decide(snapshot.chat(), actor, new Operation.Post("SendMessage", MessageType.Text, false, text),
                new Moment(System.currentTimeMillis(), snapshot.baseUrl()), Availability.Unknown, List.of());
    }

    private static Customer chatting(Agent agent) {
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Customer customer = InviteFlowTestAccess.chattingWith(agent, stream);
            Parley.notReady(agent);
            return customer;
        }
    }

    private static JsonPath transcript(Agent agent, Customer customer) {
        return as(agent.token()).get("/api/v2/me/chats/" + customer.chatId() + "/messages").then().statusCode(200)
                .extract().jsonPath();
    }
}
