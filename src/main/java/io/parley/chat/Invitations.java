package io.parley.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Offers of a chat to an agent, and their answers: Invite, Consult, Transfer, routing, Accept, Reject, expiry. */
final class Invitations {

    private Invitations() {
    }

    static Outcome offer(Chat chat, Participant inviter, Operation.Offer offer, Availability availability,
            Moment moment, Policy policy) {
        String target = offer.targetUserId();
        if (availability == Availability.Unknown) {
            return Outcome.refused(StatusCode.NOT_FOUND, "Agent " + target + " not found");
        }
        Participant targetSeat = chat.agentSeat(target).orElse(null);
        if (offer.kind() == InvitationKind.Invite && targetSeat != null && targetSeat.joined()
                && targetSeat.visibility() == Visibility.Agents) {
            return promoteConsultant(chat, targetSeat, moment);
        }
        if (chat.seated(target) || chat.invitationFor(target).isPresent()) {
            return Outcome.refused(StatusCode.INVALID_STATE,
                    "Agent " + target + " is already a participant or invitee of chat " + chat.id());
        }
        if (offer.kind() != InvitationKind.Transfer && !policy.admitsAnotherParty(chat)) {
            return Outcome.chatFull(chat, policy);
        }
        ChatChange change = ChatChange.requested(chat, moment);
        if (availability != Availability.Ready) {
            change.tellAgent(inviter.userId(), Notification.ChatStateChange.error(
                    Views.forAgent(change.chat(), inviter.userId(), moment, false), change.referenceId(),
                    unavailable(availability)));
            return change.applied();
        }
        long expiresAt = moment.now() + policy.offerTimeoutMillis();
        change.update(change.chat().withInvitation(new Invitation(offer.kind(), target, change.referenceId(),
                inviter.participantId(), expiresAt)));
        change.effect(new Effect.Track(target));
        change.effect(new Effect.ArmTimer(target, expiresAt));
        change.require(new Condition.AgentReady(target));
        change.tellAgent(target, Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), target, moment, false), change.reference()));
        sayFirst(change, inviter, offer.remark());
        return change.applied();
    }

    /** The text a Transfer sends the customer, posted as the transfer is asked for. */
    static void sayFirst(ChatChange change, Participant speaker, Remark remark) {
        if (remark != null) {
            Message said = change.say(speaker, speaker.visibility(), remark);
            change.announceMessages(List.of(said), change.reference(), p -> true);
        }
    }

    private static String unavailable(Availability availability) {
        return availability == Availability.NotReady ? "The invited agent is not ready"
                : "The invited agent is not logged in to the chat channel";
    }

    /** Inviting a consultant makes them a party the customer sees. */
    private static Outcome promoteConsultant(Chat chat, Participant consultant, Moment moment) {
        ChatChange change = ChatChange.requested(chat, moment);
        Participant promoted = consultant.withVisibility(Visibility.All);
        change.update(change.chat().withParticipant(promoted));
        Message joined = change.post(promoted, MessageType.ParticipantJoined, Visibility.All, null, null, null);
        change.announceState("ParticipantsUpdated", change.reference(), p -> true, false);
        change.announceMessages(List.of(joined), change.reference(), p -> true);
        return change.applied();
    }

    static Outcome accept(Chat chat, String userId, Operation.Accept accept, Moment moment, Policy policy,
            List<Message> transcript) {
        String nickname = accept.nickname();
        Invitation invitation = chat.invitationFor(userId).orElseThrow();
        if (invitation.kind() != InvitationKind.Transfer
                && chat.countedParties() + 1 > policy.maxParties()) {
            return Outcome.chatFull(chat, policy);
        }
        ChatChange change = ChatChange.requested(chat.withoutInvitation(userId), moment);
        if (invitation.fromQueue()) {
            change.update(change.chat().withWaiting(null, moment.now()));
        }
        // the others learn of the join under the referenceId of the request that asked for it (docs/api.md §5 step 5)
        Long toOthers = invitation.hasInviter() ? invitation.referenceId() : change.reference();
        Visibility visibility = invitation.kind() == InvitationKind.Consult ? Visibility.Agents : Visibility.All;
        Chat joinedChat = change.chat().withNewParticipant(nickname, ParticipantType.Agent, userId, visibility);
        change.update(joinedChat.status() == ChatStatus.Queued ? joinedChat.withStatus(ChatStatus.Active)
                : joinedChat);
        Participant newcomer = change.chat().lastParticipant();
        List<Message> announced = new ArrayList<>();
        announced.add(change.post(newcomer, MessageType.ParticipantJoined, visibility, null, null, null));
        Participant transferrer = null;
        if (invitation.kind() == InvitationKind.Transfer) {
            transferrer = change.chat().participant(invitation.inviterParticipantId())
                    .filter(p -> p.presence() != Presence.Gone)
                    .orElse(null);
            if (transferrer != null) {
                change.update(change.chat().withParticipant(transferrer.withPresence(Presence.Gone)));
                if (transferrer.joined()) {
                    announced.add(change.post(transferrer, MessageType.ParticipantLeft, transferrer.visibility(),
                            null, null, null));
                }
                change.effect(new Effect.Untrack(transferrer.userId()));
            }
        }
        change.effect(new Effect.DisarmTimer(userId));
        change.announceState("ParticipantsUpdated", toOthers, p -> !p.userId().equals(userId), false);
        change.announceMessages(announced, toOthers, p -> !(p.isAgent() && userId.equals(p.userId())));
        if (transferrer != null) {
            change.tellAgent(transferrer.userId(), Notification.ChatStateChange.of("StatusChange",
                    Views.forAgent(change.chat(), transferrer.userId(), moment, false), toOthers));
        }
        change.tellAgent(userId, Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), userId, moment, false), change.reference()));
        List<Message> history = new ArrayList<>(transcript);
        history.addAll(announced);
        change.tellAgent(userId, Notification.NewMessages.of(history, chat.id(), moment,
                change.reference()));
        // the agent's supervisors come in with them (GWS's ChatSupervisor: "immediately added to the chat")
        Supervision.joinMonitors(change, userId, accept.monitorings(), history, policy);
        return change.applied();
    }

    static Outcome reject(Chat chat, String userId, Moment moment) {
        Invitation invitation = chat.invitationFor(userId).orElseThrow();
        ChatChange change = ChatChange.requested(chat.withoutInvitation(userId), moment);
        withdraw(change, invitation);
        change.tellAgent(userId, Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), userId, moment, false), change.reference()));
        if (!invitation.fromQueue()) {
            change.reportFailure(invitation, "The invited agent rejected the invitation");
        }
        return change.applied();
    }

    static Outcome expire(Chat chat, String userId, Moment moment) {
        Invitation invitation = chat.invitationFor(userId).orElse(null);
        if (invitation == null || invitation.expiresAt() > moment.now()) {
            return new Outcome.Unchanged();
        }
        ChatChange change = ChatChange.automatic(chat.withoutInvitation(userId), moment);
        withdraw(change, invitation);
        change.tellAgent(userId, Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), userId, ChatState.Revoked, moment, false), null));
        if (!invitation.fromQueue()) {
            change.reportFailure(invitation, "The invited agent did not answer in time");
        }
        return change.applied();
    }

    /** Takes the offer off the agent's desk; a routing offer goes back to the queue for somebody else. */
    private static void withdraw(ChatChange change, Invitation invitation) {
        change.effect(new Effect.DisarmTimer(invitation.userId()));
        change.effect(new Effect.Untrack(invitation.userId()));
        if (invitation.fromQueue()) {
            change.update(change.chat().withDeclined(invitation.userId()));
            change.effect(new Effect.Enqueue(true));
        }
    }

    /** Revokes every pending offer of a chat that has ended. */
    static void revokeAll(ChatChange change) {
        for (Invitation invitation : change.chat().invitations()) {
            change.update(change.chat().withoutInvitation(invitation.userId()));
            change.effect(new Effect.DisarmTimer(invitation.userId()));
            change.effect(new Effect.Untrack(invitation.userId()));
            change.tellAgent(invitation.userId(), Notification.ChatStateChange.of("StatusChange",
                    Views.forAgent(change.chat(), invitation.userId(), ChatState.Revoked, change.moment(), false),
                    change.reference()));
        }
    }

    static Outcome route(Chat chat, Operation.Route route, Moment moment, Policy policy) {
        Waiting waiting = Routing.waitingOf(chat, policy.defaultQueue()).orElse(null);
        boolean routable = waiting != null && chat.status() != ChatStatus.Ended && chat.customerPresent()
                && chat.invitations().stream().noneMatch(Invitation::fromQueue);
        if (!routable) {
            return new Outcome.Unchanged();
        }
        // nobody already in the chat or asked to join it is offered it again
        Set<String> skipped = new HashSet<>(chat.declinedBy());
        chat.participants().stream().filter(p -> p.isStaff() && p.presence() != Presence.Gone)
                .forEach(p -> skipped.add(p.userId()));
        chat.invitations().forEach(i -> skipped.add(i.userId()));
        String userId = Routing.choose(route.readyAgents(), route.lastAgent(), skipped, policy.maxChatsPerAgent())
                .orElse(null);
        if (userId == null) {
            return new Outcome.Unchanged();
        }
        long expiresAt = moment.now() + policy.offerTimeoutMillis();
        InvitationKind kind = waiting.kind() == InvitationKind.Consult ? InvitationKind.Consult
                : InvitationKind.Routing;
        ChatChange change = ChatChange.automatic(chat.withInvitation(new Invitation(kind, userId,
                waiting.referenceId(), waiting.requesterParticipantId(), expiresAt, true)), moment);
        change.effect(new Effect.Track(userId));
        change.effect(new Effect.ArmTimer(userId, expiresAt));
        change.effect(new Effect.Dequeue());
        change.require(new Condition.AgentReady(userId));
        change.require(new Condition.AgentBelowCapacity(userId, policy.maxChatsPerAgent()));
        change.tellAgent(userId, Notification.ChatStateChange.of("StatusChange",
                Views.forAgent(change.chat(), userId, moment, false),
                waiting.referenceId() == 0 ? null : waiting.referenceId()));
        return change.applied();
    }
}
