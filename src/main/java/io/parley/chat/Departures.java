package io.parley.chat;

import java.util.ArrayList;
import java.util.List;

/** Leaving a chat: Leave, Complete, RemoveParticipantFromConference, and the customer's Leave. */
final class Departures {

    private Departures() {
    }

    static boolean isLeave(Operation operation) {
        return operation instanceof Operation.Depart depart && depart.name().equals("Leave");
    }

    static Outcome depart(Chat chat, Participant seat, Operation.Depart depart, Moment moment) {
        ChatChange change = ChatChange.requested(chat, moment);
        List<Message> announced = new ArrayList<>();
        if (depart.remark() != null && seat.joined()) {
            announced.add(change.say(seat, seat.visibility(), depart.remark()));
        }
        boolean othersRemain = chat.joinedAgents().stream().anyMatch(p -> !p.userId().equals(seat.userId()));
        if (!depart.complete() && seat.joined() && !othersRemain && chat.customerPresent()) {
            // the last agent leaves a customer behind: the chat stays on this agent's desk as LeftChat
            change.update(change.chat().withParticipant(seat.withPresence(Presence.LeftChat)));
            forgetConsultation(change, seat);
            announced.add(change.post(seat, MessageType.ParticipantLeft, seat.visibility(), null, null, null));
            change.announceMessages(announced, change.reference(), p -> true);
            change.tellAgent(seat.userId(), Notification.ChatStateChange.of("StatusChange",
                    Views.forAgent(change.chat(), seat.userId(), moment, false), change.reference()));
            return change.applied();
        }
        leave(change, seat, announced, false);
        change.tellAgent(seat.userId(), Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), seat.userId(), moment, false), change.reference()));
        return change.applied();
    }

    static Outcome remove(Chat chat, Participant remover, Operation.RemoveParticipant removal, Moment moment) {
        String targetUserId = removal.targetUserId();
        Participant target = chat.agentSeat(targetUserId).filter(Participant::joined).orElse(null);
        if (target == null) {
            return Outcome.refused(StatusCode.NOT_FOUND, "Agent " + targetUserId + " is not in chat " + chat.id());
        }
        if (target.participantId().equals(remover.participantId())) {
            return Outcome.refused(StatusCode.INVALID_STATE, "Use Leave to leave a chat");
        }
        ChatChange change = ChatChange.requested(chat, moment);
        List<Message> announced = new ArrayList<>();
        if (removal.remark() != null) {
            // the remover's words come before the departure they explain
            announced.add(change.say(remover, remover.visibility(), removal.remark()));
        }
        leave(change, target, announced, false);
        change.tellAgent(targetUserId, Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), targetUserId, moment, false), change.reference()));
        return change.applied();
    }

    /**
     * Takes an agent out of the chat for good and tells the others. When no agent is left the chat ends, unless
     * it is {@code toQueue}: then it waits there, Queued, as a new chat does.
     */
    static void leave(ChatChange change, Participant seat, List<Message> announced, boolean toQueue) {
        boolean wasJoined = seat.joined();
        change.update(change.chat().withParticipant(seat.withPresence(Presence.Gone)));
        forgetConsultation(change, seat);
        if (wasJoined) {
            announced.add(change.post(seat, MessageType.ParticipantLeft, seat.visibility(), null, null, null));
        }
        change.effect(new Effect.Untrack(seat.userId()));
        boolean agentsRemain = change.chat().participants().stream()
                .anyMatch(p -> p.isAgent() && p.presence() != Presence.Gone);
        if (!agentsRemain && toQueue) {
            change.update(change.chat().withStatus(ChatStatus.Queued));
            Supervision.revokeAll(change);
        } else if (!agentsRemain) {
            change.update(change.chat().withStatus(ChatStatus.Ended));
            Supervision.revokeAll(change);
            stopWaiting(change);
            Invitations.revokeAll(change);
        }
        if (wasJoined) {
            change.announceState("ParticipantsUpdated", change.reference(), p -> true, false);
        }
        change.announceMessages(announced, change.reference(), p -> true);
    }

    static Outcome customerLeaves(Chat chat, String participantId, Moment moment) {
        Participant customer = chat.participant(participantId)
                .filter(p -> p.type() == ParticipantType.Customer)
                .orElse(null);
        if (customer == null || Views.customerState(chat) != ChatState.Chatting) {
            return Outcome.refused(StatusCode.INVALID_STATE, "The chat is over");
        }
        ChatChange change = ChatChange.requested(chat.withParticipant(customer.withPresence(Presence.Gone)), moment);
        Message left = change.post(customer, MessageType.ParticipantLeft, Visibility.All, null, null, null);
        boolean agentsRemain = chat.participants().stream().anyMatch(p -> p.isAgent() && p.presence() != Presence.Gone);
        if (chat.status() == ChatStatus.Queued || !agentsRemain) {
            // nobody took the chat yet: it leaves the queue and any offer of it is withdrawn
            change.update(change.chat().withStatus(ChatStatus.Ended));
            change.effect(new Effect.Dequeue());
            change.update(change.chat().withWaiting(null, moment.now()));
            Invitations.revokeAll(change);
            Supervision.revokeAll(change);
        } else {
            stopWaiting(change);
        }
        change.announceState("ParticipantsUpdated", change.reference(), p -> true, false);
        change.announceMessages(List.of(left), change.reference(), p -> true);
        return change.applied();
    }

    /** A chat nobody will be routed to any more leaves its queue. */
    private static void stopWaiting(ChatChange change) {
        if (change.chat().waiting() != null) {
            change.update(change.chat().withWaiting(null, change.moment().now()));
            change.effect(new Effect.Dequeue());
        }
    }

    /** A queue consulted by an agent who leaves has nobody left to advise: the chat stops waiting for it. */
    private static void forgetConsultation(ChatChange change, Participant seat) {
        Waiting waiting = change.chat().waiting();
        if (waiting != null && waiting.kind() == InvitationKind.Consult
                && seat.participantId().equals(waiting.requesterParticipantId())) {
            stopWaiting(change);
        }
    }
}
