package io.parley.chat;

/** Who a participant is: the wire values of the participant's {@code type}. */
public enum ParticipantType {
    Agent,
    Customer
}
