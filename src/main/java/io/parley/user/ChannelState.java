package io.parley.user;

import io.parley.chat.Availability;

/** An agent's state in the chat channel: {@code userState.state} of {@code GET /api/v2/me}. */
public enum ChannelState {
    LoggedOut,
    NotReady,
    Ready;

    public static ChannelState parse(String stored) {
        return ChannelStatus.parse(stored).state();
    }

    /** What the chat rules need to know of a possible invitee. */
    public static Availability availability(User user, ChannelState state) {
        if (user == null || !user.isAgent()) {
            return Availability.Unknown;
        }
        return switch (state) {
            case LoggedOut -> Availability.LoggedOut;
            case NotReady -> Availability.NotReady;
            case Ready -> Availability.Ready;
        };
    }
}
