package io.parley.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects one decision: the chat as it becomes, the transcript entries, who is told what, and the effects and
 * conditions of the commit. Local to one decision, so its mutability never escapes.
 */
final class ChatChange {

    private Chat chat;
    private final Moment moment;
    private final long referenceId;
    private final List<Message> messages = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();

    private ChatChange(Chat chat, Moment moment, long referenceId) {
        this.chat = chat;
        this.moment = moment;
        this.referenceId = referenceId;
    }

    /** A change asked for by a client: it takes the chat's next referenceId. */
    static ChatChange requested(Chat chat, Moment moment) {
        long next = chat.lastReferenceId() + 1;
        return new ChatChange(chat.withLastReferenceId(next), moment, next);
    }

    /** A change Parley makes on its own (routing, timers): no referenceId of its own. */
    static ChatChange automatic(Chat chat, Moment moment) {
        return new ChatChange(chat, moment, 0);
    }

    Chat chat() {
        return chat;
    }

    void update(Chat changed) {
        chat = changed;
    }

    Moment moment() {
        return moment;
    }

    long referenceId() {
        return referenceId;
    }

    /** The referenceId to put on notifications: none for automatic changes. */
    Long reference() {
        return referenceId == 0 ? null : referenceId;
    }

    Message post(Participant from, MessageType type, Visibility visibility, String text, String url,
            String noticeText) {
        int index = chat.lastIndex() + 1;
        Party sender = type == MessageType.CustomNotice ? from.noticeSender(moment) : from.party(moment);
        return append(new Message(index, sender, moment.timestamp(), moment.now(), visibility.name(), type.name(),
                text, url, noticeText, null, null));
    }

    /** Posts a text with the labels it was sent with. */
    Message say(Participant from, Visibility visibility, Remark remark) {
        int index = chat.lastIndex() + 1;
        return append(new Message(index, from.party(moment), moment.timestamp(), moment.now(), visibility.name(),
                MessageType.Text.name(), remark.text(), null, null, remark.messageType(),
                remark.treatAs() == null ? null : remark.treatAs().name()));
    }

    private Message append(Message message) {
        chat = chat.withLastIndex(message.index());
        messages.add(message);
        return message;
    }


    void tell(Recipient recipient, Notification notification) {
        deliveries.add(new Delivery(recipient, notification));
    }

    void tellAgent(String userId, Notification notification) {
        tell(Recipient.agent(userId), notification);
    }

    void effect(Effect effect) {
        effects.add(effect);
    }

    void require(Condition condition) {
        conditions.add(condition);
    }

    Recipient recipientOf(Participant participant) {
        return participant.isStaff() ? Recipient.agent(participant.userId())
                : Recipient.customer(chat.id(), participant.participantId());
    }

    /** Tells each joined participant picked by {@code who} about the messages it may see. */
    void announceMessages(List<Message> announced, Long reference, Predicate<Participant> who) {
        for (Participant participant : chat.joined(who)) {
            List<Message> visible = Views.visible(announced, !participant.isStaff());
            if (!visible.isEmpty()) {
                tell(recipientOf(participant),
                        Notification.NewMessages.of(visible, chat.id(), moment, reference));
            }
        }
    }

    /** Sends each joined agent and supervisor picked by {@code who} its own view of the chat. */
    void announceState(String notificationType, Long reference, Predicate<Participant> who, boolean withUserData) {
        for (Participant agent : chat.joined(p -> p.isStaff() && who.test(p))) {
            tellAgent(agent.userId(), Notification.ChatStateChange.of(notificationType,
                    Views.forAgent(chat, agent.userId(), moment, withUserData), reference));
        }
    }

    /**
     * Tells an inviter, if still in the chat, that its offer came to nothing. An agent in LeftChat still holds the
     * chat (it may Transfer from there), so it is told too.
     */
    void reportFailure(Invitation invitation, String why) {
        if (!invitation.hasInviter()) {
            return;
        }
        chat.participant(invitation.inviterParticipantId())
                .filter(p -> p.presence() != Presence.Gone)
                .ifPresent(inviter -> tellAgent(inviter.userId(), Notification.ChatStateChange.error(
                        Views.forAgent(chat, inviter.userId(), moment, false), invitation.referenceId(), why)));
    }

    Outcome.Applied applied() {
        return new Outcome.Applied(chat, referenceId, List.copyOf(messages), List.copyOf(deliveries),
                List.copyOf(effects), List.copyOf(conditions));
    }
}
