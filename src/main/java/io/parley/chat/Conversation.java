package io.parley.chat;

import java.util.List;

/** Messages, typing notifications, URLs and notices. */
final class Conversation {

    private Conversation() {
    }

    static Outcome post(Chat chat, Participant author, Operation.Post post, Moment moment) {
        // a consultant's words never reach the customer, whatever operation carries them
        Visibility visibility = post.toAgents() ? Visibility.Agents : author.visibility();
        ChatChange change = ChatChange.requested(chat, moment);
        Message message = switch (post.type()) {
            case PushUrl -> change.post(author, post.type(), visibility, null, post.content(), null);
            case CustomNotice, Notice -> change.post(author, post.type(), visibility, null, null, post.content());
            case Text -> change.say(author, visibility, new Remark(post.content(), post.messageType(), post.treatAs()));
            default -> change.post(author, post.type(), visibility, post.content(), null, null);
        };
        change.announceMessages(List.of(message), change.reference(), p -> true);
        return change.applied();
    }

    static Outcome forCustomer(Chat chat, String participantId, Operation operation, Moment moment) {
        Participant customer = chat.participant(participantId)
                .filter(p -> p.type() == ParticipantType.Customer)
                .orElse(null);
        if (customer == null || Views.customerState(chat) != ChatState.Chatting) {
            return Outcome.refused(StatusCode.INVALID_STATE, "The chat is over");
        }
        if (!(operation instanceof Operation.Post post) || !Capabilities.CUSTOMER.contains(post.name())) {
            return Outcome.refused(StatusCode.INVALID_STATE, operation.name() + " is not a customer operation");
        }
        return post(chat, customer, post, moment);
    }
}
