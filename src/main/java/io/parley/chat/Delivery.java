package io.parley.chat;

/** One notification for one recipient's log. */
public record Delivery(Recipient recipient, Notification notification) {
}
