package io.parley.chat;

/**
 * One entry of the transcript, exactly as clients receive it. {@code timestampSeconds} holds epoch milliseconds, as
 * GWS does despite the name. Only one of {@code text}, {@code url}, {@code noticeText} is present.
 * {@code messageType} and {@code treatAs} are the labels a text was sent with ({@link Remark}), absent otherwise.
 */
public record Message(int index, Party from, String timestamp, long timestampSeconds, String visibility, String type,
        String text, String url, String noticeText, String messageType, String treatAs) {

    public boolean visibleToCustomer() {
        return Visibility.valueOf(visibility).visibleToCustomer();
    }

    /** The entry as a customer reads it: senders without the agents' user uri and path. */
    public Message forCustomer() {
        return new Message(index, anonymous(from), timestamp, timestampSeconds, visibility, type, text, url,
                noticeText, messageType, treatAs);
    }

    static Party anonymous(Party party) {
        return party.uri() == null ? party
                : new Party(party.nickname(), party.type(), party.participantId(), party.visibility(), null, null,
                        party.id());
    }
}
