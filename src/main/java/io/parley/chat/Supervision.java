package io.parley.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A supervisor in an agent's chat: Intrude, the SwitchTo* operations, Leave, and the revocation when the chat ends
 * or goes back to a queue (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSupervisor). The supervisor's
 * {@link SupervisorMode} is its visibility, so who hears of the supervisor follows the same rules as everything
 * else: a monitoring supervisor is announced to supervisors only, a coaching one to the agents, a barging one to all.
 */
final class Supervision {

    private Supervision() {
    }

    /**
     * The supervisor joins at once, Chatting, where GWS first shows them Invited: they asked for this very chat, so
     * an Accept would only add a round trip and a pending offer that could lapse while the chat goes on unwatched.
     */
    static Outcome intrude(Chat chat, String userId, Operation.Intrude intrude, Moment moment, Policy policy,
            List<Message> transcript) {
        boolean agentIn = chat.agentSeat(intrude.agentUserId()).filter(Participant::joined).isPresent();
        if (!agentIn || chat.status() == ChatStatus.Ended) {
            return Outcome.refused(StatusCode.NOT_FOUND,
                    "Agent " + intrude.agentUserId() + " is not in chat " + chat.id());
        }
        if (userId.equals(intrude.agentUserId())) {
            return Outcome.refused(StatusCode.INVALID_STATE, "A supervisor cannot supervise their own chat");
        }
        if (chat.seated(userId) || chat.invitationFor(userId).isPresent()) {
            return Outcome.refused(StatusCode.INVALID_STATE,
                    "You are already a participant or invitee of chat " + chat.id());
        }
        if (intrude.mode() == SupervisorMode.BargeIn && !policy.admitsAnotherParty(chat)) {
            return Outcome.chatFull(chat, policy);
        }
        ChatChange change = ChatChange.requested(chat, moment);
        join(change, userId, intrude.nickname(), intrude.mode(), transcript);
        return change.applied();
    }

    /**
     * The supervisors monitoring an agent who just accepted the chat join it: each not in it already, a barging
     * one only while the chat has room for another party (else they are left out of this chat).
     */
    static void joinMonitors(ChatChange change, String agentUserId, List<Monitoring> monitorings,
            List<Message> history, Policy policy) {
        List<Message> seen = new ArrayList<>(history);
        for (Monitoring monitoring : monitorings) {
            String supervisorId = monitoring.supervisorId();
            boolean full = monitoring.mode() == SupervisorMode.BargeIn
                    && !policy.admitsAnotherParty(change.chat());
            if (supervisorId.equals(agentUserId) || change.chat().seated(supervisorId) || full) {
                continue;
            }
            seen.addAll(join(change, supervisorId, monitoring.nickname(), monitoring.mode(), seen));
        }
    }

    /** Seats the supervisor and tells everyone who may see them; returns the messages it posted. */
    private static List<Message> join(ChatChange change, String userId, String nickname, SupervisorMode mode,
            List<Message> transcript) {
        Visibility visibility = mode.visibility();
        change.update(change.chat().withNewParticipant(nickname, ParticipantType.Supervisor, userId, visibility));
        Participant newcomer = change.chat().lastParticipant();
        List<Message> announced = new ArrayList<>();
        if (mode != SupervisorMode.Monitor) {
            announced.add(change.post(newcomer, MessageType.ParticipantJoined, visibility, null, null, null));
        }
        // nothing of a monitoring supervisor reaches anyone but supervisors
        change.announceState("ParticipantsUpdated", change.reference(),
                p -> !p.participantId().equals(newcomer.participantId()) && newcomer.seenBy(p), false);
        change.announceMessages(announced, change.reference(),
                p -> !p.participantId().equals(newcomer.participantId()));
        change.tellAgent(userId, Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), userId, change.moment(), false), change.reference()));
        List<Message> history = new ArrayList<>(transcript);
        history.addAll(announced);
        change.tellAgent(userId, Notification.NewMessages.of(history, change.chat().id(), change.moment(),
                change.reference()));
        return announced;
    }

    /** An operation of a supervisor in the chat: what their mode's capabilities list, nothing else. */
    static Outcome decide(Chat chat, Participant seat, Operation operation, Moment moment) {
        SupervisorMode mode = SupervisorMode.of(seat.visibility());
        if (!Capabilities.forSupervisor(ChatState.Chatting, seat).contains(operation.name())) {
            return Outcome.refused(StatusCode.INVALID_STATE,
                    operation.name() + " is not valid for a supervisor in mode " + mode);
        }
        return switch (operation) {
            case Operation.Post post -> Conversation.post(chat, seat, post, moment);
            case Operation.SetInFocus focus -> ChatChange.requested(chat, moment).applied();
            case Operation.SwitchSupervision change -> switchTo(chat, seat, change.mode(), moment);
            case Operation.Depart depart -> leave(chat, seat, depart, moment);
            case Operation.Accept accept -> notListed(accept);
            case Operation.Reject reject -> notListed(reject);
            case Operation.Offer offer -> notListed(offer);
            case Operation.OfferToQueue offer -> notListed(offer);
            case Operation.RemoveParticipant remove -> notListed(remove);
            case Operation.ChangeUserData data -> notListed(data);
            case Operation.Intrude intrude -> notListed(intrude);
            case Operation.Route route -> notListed(route);
            case Operation.ExpireOffer expiry -> notListed(expiry);
        };
    }

    private static Outcome notListed(Operation operation) {
        return Outcome.refused(StatusCode.INVALID_STATE, operation.name() + " is not a supervisor operation");
    }

    /**
     * Whoever starts to see the supervisor reads a ParticipantJoined, whoever stops reads a ParticipantLeft: the
     * customer when barging starts or ends, else the agents when coaching starts or ends. Every agent and supervisor
     * who saw or now sees the supervisor gets its new view.
     */
    static Outcome switchTo(Chat chat, Participant seat, SupervisorMode mode, Moment moment) {
        ChatChange change = ChatChange.requested(chat, moment);
        Visibility before = seat.visibility();
        Visibility after = mode.visibility();
        Participant switched = seat.withVisibility(after);
        change.update(change.chat().withParticipant(switched));
        Message notice;
        if (after == Visibility.All) {
            notice = change.post(switched, MessageType.ParticipantJoined, Visibility.All, null, null, null);
        } else if (before == Visibility.All) {
            notice = change.post(switched, MessageType.ParticipantLeft, Visibility.All, null, null, null);
        } else if (after == Visibility.Agents) {
            notice = change.post(switched, MessageType.ParticipantJoined, Visibility.Agents, null, null, null);
        } else {
            notice = change.post(switched, MessageType.ParticipantLeft, Visibility.Agents, null, null, null);
        }
        change.announceState("ParticipantsUpdated", change.reference(),
                p -> seat.seenBy(p) || switched.seenBy(p), false);
        change.announceMessages(List.of(notice), change.reference(), p -> true);
        return change.applied();
    }

    /** The supervisor leaves; only those who saw them learn of it. A monitoring supervisor leaves without a word. */
    private static Outcome leave(Chat chat, Participant seat, Operation.Depart depart, Moment moment) {
        if (depart.remark() != null && seat.visibility() == Visibility.Supervisors) {
            return Outcome.refused(StatusCode.INVALID_STATE, "A monitoring supervisor cannot send a text");
        }
        ChatChange change = ChatChange.requested(chat, moment);
        List<Message> announced = new ArrayList<>();
        if (depart.remark() != null) {
            announced.add(change.say(seat, seat.visibility(), depart.remark()));
        }
        if (seat.visibility() != Visibility.Supervisors) {
            announced.add(change.post(seat, MessageType.ParticipantLeft, seat.visibility(), null, null, null));
        }
        change.update(change.chat().withParticipant(seat.withPresence(Presence.Gone)));
        change.announceState("ParticipantsUpdated", change.reference(), seat::seenBy, false);
        change.announceMessages(announced, change.reference(), p -> true);
        change.tellAgent(seat.userId(), Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), seat.userId(), ChatState.Completed, moment, false),
                change.reference()));
        return change.applied();
    }

    /**
     * The chat ended or went back to a queue: every supervisor is out of it, and sees it Revoked, as GWS documents
     * (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatMonitor). Called before the change is announced,
     * so that supervisors are told only this.
     */
    static void revokeAll(ChatChange change) {
        for (Participant supervisor : change.chat().joinedSupervisors()) {
            change.update(change.chat().withParticipant(supervisor.withPresence(Presence.Gone)));
            change.tellAgent(supervisor.userId(), Notification.ChatStateChange.of("StatusChange",
                    Views.forAgent(change.chat(), supervisor.userId(), ChatState.Revoked, change.moment(), false),
                    change.reference()));
        }
    }
}
