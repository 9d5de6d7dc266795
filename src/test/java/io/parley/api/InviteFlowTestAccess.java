package io.parley.api;

import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;

/** Lets tests of other packages start from "the agent is chatting with FirstL". */
public final class InviteFlowTestAccess {

    private InviteFlowTestAccess() {
    }

    public static Customer chattingWith(Agent agent, SseClient stream) {
        return InviteFlowTest.chattingWith(agent, stream, "TestName");
    }
}
