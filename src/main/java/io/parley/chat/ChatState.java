package io.parley.chat;

/** The chat's state as one viewer sees it: the wire values of the chat's {@code state}. */
public enum ChatState {
    Invited,
    Chatting,
    LeftChat,
    Completed,
    Revoked
}
