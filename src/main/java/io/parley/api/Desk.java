package io.parley.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.chat.ChatState;
import io.parley.chat.ChatView;
import io.parley.chat.Moment;
import io.parley.chat.Views;
import io.parley.store.AgentChannels;
import io.parley.store.ChatRepository;

/** The chats on an agent's desk as that agent sees them: {@code GET /me/chats} and {@code /me}'s {@code chats}. */
@ApplicationScoped
public class Desk {

    private final ChatRepository chats;
    private final AgentChannels agents;

    Desk(ChatRepository chats, AgentChannels agents) {
        this.chats = chats;
        this.agents = agents;
    }

    public List<ChatView> chats(String userId, Moment moment) {
        return chats.loadAll(List.copyOf(agents.desk(userId))).stream()
                .filter(chat -> Views.agentState(chat, userId) != ChatState.Completed)
                .map(chat -> Views.forAgent(chat, userId, moment, true))
                .toList();
    }
}
