package io.parley.push.bayeux;

/**
 * Whom a Bayeux session belongs to: the address of the notification log it reads (the token's user or customer)
 * and the one channel that user may subscribe to.
 */
public record BayeuxUser(String address, String channel) {
}
