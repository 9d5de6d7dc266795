package io.parley.chat;

/** Who may see a message or a participant: everybody, or only the agents (a consultation). */
public enum Visibility {
    All,
    Agents;

    public boolean visibleToCustomer() {
        return this == All;
    }
}
