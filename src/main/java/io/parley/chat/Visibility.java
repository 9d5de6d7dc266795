package io.parley.chat;

/**
 * Who may see a message or a participant: everybody, only the agents (a consultation, a coaching supervisor), or
 * only supervisors (a monitoring supervisor, whom nobody in the chat sees).
 */
public enum Visibility {
    All,
    Agents,
    Supervisors;

    public boolean visibleToCustomer() {
        return this == All;
    }

    /** Whether a participant of this visibility is seen by a viewer of type {@code viewer}. */
    boolean seenBy(ParticipantType viewer) {
        return switch (this) {
            case All -> true;
            case Agents -> viewer != ParticipantType.Customer;
            case Supervisors -> viewer == ParticipantType.Supervisor;
        };
    }
}
