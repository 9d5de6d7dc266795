package io.parley.chat;

/** Why an agent is offered a chat. */
public enum InvitationKind {
    /** The queue hands a waiting chat to a Ready agent. */
    Routing,
    /** An agent brings another agent in as a conference party. */
    Invite,
    /** An agent brings another agent in, hidden from the customer. */
    Consult,
    /** An agent hands the chat over to another agent. */
    Transfer
}
