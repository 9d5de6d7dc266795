package io.parley.push;

import io.parley.chat.Recipient;

/** An open delivery of one recipient's log (an SSE stream, a Bayeux session) that a wake-up prompts to read on. */
interface Subscriber {

    Recipient recipient();

    /** New entries may be in the log. */
    void wake();

    /** {@code entry} was appended to the log; a subscriber that cannot be sure it follows its position reads. */
    default void deliver(NotificationLog.Entry entry) {
        wake();
    }
}
