package io.parley.chat;

/**
 * How a message is to be treated, the {@code treatAs} parameter of the text-carrying operations
 * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete): a message an agent writes, or one the
 * desktop sends on the agent's behalf (a greeting, a closing line).
 */
public enum TreatAs {
    Normal,
    System
}
