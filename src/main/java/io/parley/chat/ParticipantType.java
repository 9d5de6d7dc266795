package io.parley.chat;

/**
 * Who a participant is: the wire values of the participant's {@code type}. A supervisor is a user who joined to
 * watch, coach or barge into an agent's chat; it never counts as one of the chat's agents (a chat whose agents are
 * all gone ends, whoever still supervises it).
 */
public enum ParticipantType {
    Agent,
    Customer,
    Supervisor
}
