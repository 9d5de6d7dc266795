package io.parley.store;

import io.parley.api.MeResource;
import io.parley.api.Replies;
import io.parley.auth.Session;
import io.parley.auth.SignedIn;
import io.parley.chat.Chat;
import io.parley.chat.ChatStatus;
import io.parley.chat.ChatView;
import io.parley.chat.Invitation;
import io.parley.chat.InvitationKind;
import io.parley.chat.Message;
import io.parley.chat.Notification;
import io.parley.chat.Participant;
import io.parley.chat.ParticipantType;
import io.parley.chat.Party;
import io.parley.chat.Presence;
import io.parley.chat.Visibility;
import io.parley.chat.Waiting;
import io.parley.chat.Monitoring;
import io.parley.chat.MonitoringScope;
import io.parley.chat.SupervisorMode;
import io.parley.user.ChannelView;
import io.parley.user.ChannelsChanged;
import io.parley.user.User;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types {@link Json} writes to Redis and to the push streams and reads back, which Jackson reaches by
 * reflection. A native image keeps only the reflection it is told of; the REST layer registers its own reply types,
 * but these are serialised outside it. The chat core stays free of framework annotations, so the list lives here,
 * beside the serialiser.
 */
@RegisterForReflection(targets = { Chat.class, Participant.class, Invitation.class, Message.class, Party.class,
        ChatView.class, Notification.ChatStateChange.class, Notification.NewMessages.class, User.class,
        Replies.Failure.class, ChatStatus.class, ParticipantType.class, Presence.class, Visibility.class,
        InvitationKind.class, Waiting.class, ChannelsChanged.class, ChannelView.class, ChannelView.UserState.class,
        MeResource.ChannelOutcome.class, Session.class, SignedIn.class, OutboxEntry.class,
        Monitoring.class, SupervisorMode.class, MonitoringScope.class })
final class SerialisedTypes {

    private SerialisedTypes() {
    }
}
