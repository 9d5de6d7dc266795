package io.parley.user;

import java.util.List;

/**
 * The notification of an agent's channel state change, on the Bayeux channel {@value #CHANNEL} (and as SSE events
 * of that name): GWS sends {@code channels} with each channel's {@code userState}
 * (https://docs.genesys.com/Documentation:HTCC:API:CometdNotification:8.5.0).
 */
public record ChannelsChanged(String messageType, List<ChannelView> channels) {

    public static final String CHANNEL = "/v2/me/channels";
    public static final String MESSAGE_TYPE = "ChannelStateChangeMessage";

    /**
     * How the push role tells these entries from chat notifications in the same log: Jackson writes a record's
     * components in order, so this notification, and only it, starts so. (Chat notifications start with
     * {@code notificationType}.)
     */
    public static final String JSON_START = "{\"messageType\":\"" + MESSAGE_TYPE + "\"";

    public static ChannelsChanged of(ChannelView channel) {
        return new ChannelsChanged(MESSAGE_TYPE, List.of(channel));
    }
}
