package io.parley.chat;

/** The wire values of a message's {@code type}. */
public enum MessageType {
    Text,
    ParticipantJoined,
    ParticipantLeft,
    TypingStarted,
    TypingStopped,
    PushUrl,
    Notice,
    CustomNotice
}
