package io.parley.api;

import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Lets tests of other packages start from "the agent is chatting with FirstL". */
public final class InviteFlowTestAccess {

    private InviteFlowTestAccess() {
    }

    public static Customer chattingWith(Agent agent, SseClient stream) {
        return InviteFlowTest.chattingWith(agent, stream, "TestName");
    }

    /** The seed's first notification to the host: ParticipantsUpdated with the three parties. */
    public static void assertSeedFirstNotification(JsonObject notification, String chatId, int referenceId) {
        InviteFlowTest.assertSeedFirstNotification(notification, chatId, referenceId);
    }

    /** The seed's second notification to the host: NewMessages with BFriend's ParticipantJoined. */
    public static void assertSeedSecondNotification(JsonObject notification, String chatId, int referenceId,
            JsonArray participants) {
        InviteFlowTest.assertSeedSecondNotification(notification, chatId, referenceId, participants);
    }
}
