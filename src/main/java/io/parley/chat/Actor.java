package io.parley.chat;

/** Who asks for an operation. */
public sealed interface Actor {

    /** A signed-in agent, by user id. */
    record Agent(String userId) implements Actor {
    }

    /** The chat's customer, by participant id. */
    record Customer(String participantId) implements Actor {
    }

    /** Parley itself: routing and offer timers. */
    record System() implements Actor {
    }
}
