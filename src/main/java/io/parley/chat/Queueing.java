package io.parley.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Placing a chat in a named queue: Transfer and Consult to a queue, Complete with a queue. Routing then offers it
 * to a Ready agent who serves that queue (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatSingleStepTransfer,
 * https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatConsult,
 * https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete).
 */
final class Queueing {

    private Queueing() {
    }

    static Outcome offer(Chat chat, Participant seat, Operation.OfferToQueue offer, Moment moment, Policy policy) {
        Outcome refusal = refusal(chat, seat, offer.queueName(), policy);
        if (refusal != null) {
            return refusal;
        }
        if (offer.kind() == InvitationKind.Transfer) {
            return handOver(chat, seat, offer.queueName(), offer.remark(), moment);
        }
        if (!policy.admitsAnotherParty(chat)) {
            return Outcome.chatFull(chat, policy);
        }
        // a consultation asked of a queue: whichever of its agents accepts joins as the consultant
        ChatChange change = ChatChange.requested(chat, moment);
        change.update(change.chat().withWaiting(new Waiting(offer.queueName(), InvitationKind.Consult,
                seat.participantId(), change.referenceId()), moment.now()));
        change.effect(new Effect.Enqueue(false));
        return change.applied();
    }

    /** Complete with a queueName: the agent is done, and the chat waits in the queue for another agent. */
    static Outcome complete(Chat chat, Participant seat, Operation.Depart depart, Moment moment, Policy policy) {
        if (!policy.knowsQueue(depart.queueName())) {
            return Outcome.refused(StatusCode.NOT_FOUND, "Queue '" + depart.queueName() + "' not found");
        }
        if (!chat.customerPresent()) {
            // nobody is left to serve: the chat simply ends for this agent
            return Departures.depart(chat, seat, depart, moment);
        }
        Outcome refusal = refusal(chat, seat, depart.queueName(), policy);
        if (refusal != null) {
            return refusal;
        }
        return handOver(chat, seat, depart.queueName(), depart.remark(), moment);
    }

    private static Outcome refusal(Chat chat, Participant seat, String queue, Policy policy) {
        if (!policy.knowsQueue(queue)) {
            return Outcome.refused(StatusCode.NOT_FOUND, "Queue '" + queue + "' not found");
        }
        if (seat.visibility() != Visibility.All) {
            return Outcome.refused(StatusCode.INVALID_STATE,
                    "Only an agent the customer sees may place the chat in a queue");
        }
        if (chat.invitations().stream().anyMatch(i -> i.kind() == InvitationKind.Transfer)) {
            return Outcome.refused(StatusCode.INVALID_STATE,
                    "A transfer of chat " + chat.id() + " to an agent is still waiting for an answer");
        }
        if (chat.waiting() != null) {
            return Outcome.refused(StatusCode.INVALID_STATE,
                    "Chat " + chat.id() + " already waits in queue '" + chat.waiting().queue() + "'");
        }
        return null;
    }

    /**
     * The agent leaves the chat to the queue: Completed at once, as GWS's single-step transfer does; the chat goes
     * on with the customer (and any other agent) while it waits, and is never offered back to this agent.
     */
    private static Outcome handOver(Chat chat, Participant seat, String queue, Remark remark, Moment moment) {
        ChatChange change = ChatChange.requested(chat, moment);
        List<Message> announced = new ArrayList<>();
        if (remark != null && seat.joined()) {
            announced.add(change.say(seat, seat.visibility(), remark));
        }
        change.update(change.chat().withWaiting(new Waiting(queue, InvitationKind.Routing, null, 0), moment.now())
                .withDeclined(seat.userId()));
        // placed in a queue: the supervisors' watch ends here, even if another agent stays
        Supervision.revokeAll(change);
        Departures.leave(change, seat, announced, true);
        change.effect(new Effect.Enqueue(false));
        change.tellAgent(seat.userId(), Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), seat.userId(), moment, false), change.reference()));
        return change.applied();
    }
}
