package io.parley.user;

/**
 * One channel of an agent as GWS shows it in {@code /me}, {@code /me/channels} and the {@code /v2/me/channels}
 * notifications (https://docs.genesys.com/Documentation:HTCC:API:CometdNotification:8.5.0).
 */
public record ChannelView(String channel, UserState userState) {

    public static final String CHAT = "chat";

    /** {@code reasonCode} only while NotReady with a reason, as GWS's channel state shows it. */
    public record UserState(String state, String reasonCode, String displayName) {
    }

    public static ChannelView chat(ChannelStatus status) {
        return new ChannelView(CHAT, new UserState(status.state().name(), status.reasonCode(), status.displayName()));
    }
}
