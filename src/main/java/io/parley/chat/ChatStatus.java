package io.parley.chat;

/** The chat's own lifecycle, independent of any viewer. */
public enum ChatStatus {
    /** No agent has joined yet: waiting in the queue or offered to an agent. */
    Queued,
    Active,
    Ended
}
