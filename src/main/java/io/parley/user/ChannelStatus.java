package io.parley.user;

/**
 * An agent's chat channel as stored and shown: its state and, when NotReady, the {@code reasonCode} the agent gave
 * (GWS shows it in the channel's {@code userState}:
 * https://docs.genesys.com/Documentation/GWS/8.5.0/API/QueryAgentState). Stored as one string, the state first, so
 * that a reader needing only the state (the Invite's pipeline) reads the same key as before.
 */
public record ChannelStatus(ChannelState state, String reasonCode) {

    private static final char SEPARATOR = ':';

    public static final ChannelStatus LOGGED_OUT = new ChannelStatus(ChannelState.LoggedOut, null);

    public ChannelStatus {
        if (state != ChannelState.NotReady) {
            reasonCode = null;
        }
    }

    public static ChannelStatus of(ChannelState state) {
        return new ChannelStatus(state, null);
    }

    public String stored() {
        return reasonCode == null ? state.name() : state.name() + SEPARATOR + reasonCode;
    }

    public static ChannelStatus parse(String stored) {
        if (stored == null) {
            return LOGGED_OUT;
        }
        int separator = stored.indexOf(SEPARATOR);
        return separator < 0 ? of(ChannelState.valueOf(stored))
                : new ChannelStatus(ChannelState.valueOf(stored.substring(0, separator)),
                        stored.substring(separator + 1));
    }

    /** The label GWS shows beside the state ({@code displayName}). */
    public String displayName() {
        return switch (state) {
            case Ready -> "Ready";
            case NotReady -> "Not Ready";
            case LoggedOut -> "Logged Out";
        };
    }
}
