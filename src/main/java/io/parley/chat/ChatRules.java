package io.parley.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat rules: {@code (chat, actor, operation, moment, availability) -> outcome}. Pure: everything it needs is
 * passed in, everything it decides is returned.
 */
public final class ChatRules {

    private final Policy policy;

    public ChatRules(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /** A customer starts a chat: it holds the customer's ParticipantJoined and waits in the queue. */
    public Outcome.Applied open(String chatId, String idStem, String nickname, String subject,
            Map<String, Object> userData, Moment moment) {
        ChatChange change = ChatChange.automatic(Chat.start(chatId, idStem, nickname, subject, userData,
                moment.now(), policy.defaultQueue()), moment);
        Participant customer = change.chat().customer().orElseThrow();
        Message joined = change.post(customer, MessageType.ParticipantJoined, Visibility.All, null, null, null);
        change.announceMessages(List.of(joined), null, p -> true);
        change.effect(new Effect.Enqueue(false));
        return change.applied();
    }

    /**
     * @param availability what the shell loaded about {@link Operation#targetUserId()}, {@code Unknown} if none
     * @param transcript the chat's transcript when {@link Operation#needsTranscript()}, else empty
     */
    public Outcome decide(Chat chat, Actor actor, Operation operation, Moment moment, Availability availability,
            List<Message> transcript) {
        return switch (actor) {
            case Actor.Agent agent -> forAgent(chat, agent.userId(), operation, moment, availability, transcript);
            case Actor.Customer customer -> Departures.isLeave(operation)
                    ? Departures.customerLeaves(chat, customer.participantId(), moment)
                    : Conversation.forCustomer(chat, customer.participantId(), operation, moment);
            case Actor.System system -> switch (operation) {
                case Operation.Route route -> Invitations.route(chat, route, moment, policy);
                case Operation.ExpireOffer expiry -> Invitations.expire(chat, expiry.agentUserId(), moment);
                default -> Outcome.refused(StatusCode.FORBIDDEN, operation.name() + " is not Parley's to perform");
            };
        };
    }

    private Outcome forAgent(Chat chat, String userId, Operation operation, Moment moment,
            Availability availability, List<Message> transcript) {
        if (operation instanceof Operation.Intrude intrude) {
            return Supervision.intrude(chat, userId, intrude, moment, policy, transcript);
        }
        var supervising = chat.supervisorSeat(userId);
        if (supervising.isPresent()) {
            return Supervision.decide(chat, supervising.get(), operation, moment);
        }
        ChatState state = Views.agentState(chat, userId);
        if (state == ChatState.Completed) {
            return notFound(chat);
        }
        Participant seat = chat.agentSeat(userId).orElse(null);
        InvitationKind offered = operation instanceof Operation.Offer offer ? offer.kind()
                : operation instanceof Operation.OfferToQueue offer ? offer.kind() : null;
        if (offered != null && !mayOffer(offered, state, seat)) {
            // docs/api.md §5 step 2: only a party the customer sees may bring others in; anyone else is told the chat
            // is not theirs
            return notFound(chat);
        }
        List<String> capabilities = seat == null ? Capabilities.INVITED : Capabilities.forAgent(chat, state, seat);
        boolean permitted = seat == null ? capabilities.contains(operation.name())
                : Capabilities.permits(capabilities, state, seat, operation.name());
        if (!permitted) {
            return Outcome.refused(StatusCode.INVALID_STATE,
                    operation.name() + " is not valid while the chat is " + state);
        }
        return switch (operation) {
            case Operation.Accept accept -> LastAgent.remember(accept.saveLastAgent(), userId, policy,
                    Invitations.accept(chat, userId, accept, moment, policy, transcript));
            case Operation.Reject reject -> Invitations.reject(chat, userId, moment);
            case Operation.Offer offer -> Invitations.offer(chat, seat, offer, availability, moment, policy);
            case Operation.RemoveParticipant remove -> Departures.remove(chat, seat, remove, moment);
            case Operation.OfferToQueue offer -> Queueing.offer(chat, seat, offer, moment, policy);
            case Operation.Depart depart -> LastAgent.remember(depart.saveLastAgent(), userId, policy,
                    depart.queueName() == null ? Departures.depart(chat, seat, depart, moment)
                            : Queueing.complete(chat, seat, depart, moment, policy));
            case Operation.Post post -> Conversation.post(chat, seat, post, moment);
            case Operation.SetInFocus focus -> ChatChange.requested(chat, moment).applied();
            case Operation.ChangeUserData change -> changeUserData(chat, change, moment);
            case Operation.Route route -> Outcome.refused(StatusCode.FORBIDDEN, "Route is not an agent operation");
            case Operation.ExpireOffer expiry -> Outcome.refused(StatusCode.FORBIDDEN,
                    "ExpireOffer is not an agent operation");
            case Operation.Intrude intrude -> Outcome.refused(StatusCode.INVALID_STATE, "Intrude is decided above");
            case Operation.SwitchSupervision change -> Outcome.refused(StatusCode.INVALID_STATE,
                    change.name() + " is a supervisor operation");
        };
    }

    private static boolean mayOffer(InvitationKind kind, ChatState state, Participant seat) {
        if (seat == null || seat.visibility() != Visibility.All) {
            return false;
        }
        return state == ChatState.Chatting || (kind == InvitationKind.Transfer && state == ChatState.LeftChat);
    }

    private static Outcome changeUserData(Chat chat, Operation.ChangeUserData change, Moment moment) {
        Map<String, Object> userData = new LinkedHashMap<>(chat.userData());
        userData.putAll(change.put());
        change.delete().forEach(userData::remove);
        ChatChange result = ChatChange.requested(chat.withUserData(userData), moment);
        result.announceState("PropertiesUpdated", result.reference(), p -> true, true);
        return result.applied();
    }

    static Outcome notFound(Chat chat) {
        return Outcome.refused(StatusCode.NOT_FOUND, "Chat " + chat.id() + " not found");
    }
}
