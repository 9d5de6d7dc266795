package io.parley.chat;

/** An agent's standing in the chat channel, as far as offers are concerned. */
public enum Availability {
    /** No such agent. */
    Unknown,
    LoggedOut,
    NotReady,
    Ready
}
