package io.parley.chat;

import java.util.List;
import java.util.Map;

/** Builds what one viewer sees of a chat: its state, the parties it may see, its capabilities. */
public final class Views {

    private Views() {
    }

    public static ChatState agentState(Chat chat, String userId) {
        if (chat.supervisorSeat(userId).isPresent()) {
            return ChatState.Chatting;
        }
        var seat = chat.agentSeat(userId);
        if (seat.isPresent()) {
            return seat.get().presence() == Presence.LeftChat ? ChatState.LeftChat : ChatState.Chatting;
        }
        return chat.invitationFor(userId).isPresent() ? ChatState.Invited : ChatState.Completed;
    }

    public static ChatState customerState(Chat chat) {
        return chat.customerPresent() && chat.status() != ChatStatus.Ended ? ChatState.Chatting : ChatState.Completed;
    }

    public static ChatView forAgent(Chat chat, String userId, Moment moment, boolean withUserData) {
        return forAgent(chat, userId, agentState(chat, userId), moment, withUserData);
    }

    /** The agent's view with the state forced (a revoked offer is no longer in the chat to derive it from). */
    public static ChatView forAgent(Chat chat, String userId, ChatState state, Moment moment, boolean withUserData) {
        Participant viewer = chat.supervisorSeat(userId).or(() -> chat.agentSeat(userId)).orElse(null);
        List<String> capabilities = viewer == null
                ? (state == ChatState.Invited ? Capabilities.INVITED : List.of())
                : viewer.isSupervisor() ? Capabilities.forSupervisor(state, viewer)
                : Capabilities.forAgent(chat, state, viewer);
        // a monitoring supervisor is in no one's list but a supervisor's
        List<Party> parties = chat.joined(p -> p.seenBy(viewer)).stream().map(p -> p.party(moment)).toList();
        return view(chat, state, parties, capabilities, moment, withUserData ? chat.userData() : null);
    }

    public static ChatView forCustomer(Chat chat, Moment moment) {
        ChatState state = customerState(chat);
        // the customer is told who is there, not which user accounts they are
        List<Party> parties = chat.joined(p -> p.visibility().visibleToCustomer()).stream()
                .map(p -> Message.anonymous(p.party(moment)))
                .toList();
        List<String> capabilities = state == ChatState.Chatting ? Capabilities.CUSTOMER : List.of();
        return view(chat, state, parties, capabilities, moment, null);
    }

    private static ChatView view(Chat chat, ChatState state, List<Party> parties, List<String> capabilities,
            Moment moment, Map<String, Object> userData) {
        return new ChatView(chat.id(), state.name(), parties, capabilities, moment.chatUri(chat.id()),
                ChatView.INBOUND, Moment.timestamp(chat.receivedAt()), userData);
    }

    /** The transcript entries a viewer may read. */
    public static List<Message> visible(List<Message> transcript, boolean customer) {
        return customer
                ? transcript.stream().filter(Message::visibleToCustomer).map(Message::forCustomer).toList()
                : transcript;
    }
}
