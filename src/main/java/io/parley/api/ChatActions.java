package io.parley.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.chat.Actor;
import io.parley.chat.ChatRules;
import io.parley.chat.Effect;
import io.parley.chat.Moment;
import io.parley.chat.Operation;
import io.parley.chat.Outcome;
import io.parley.chat.StatusCode;
import io.parley.routing.Dispatcher;
import io.parley.store.ChatRepository;

/** Performs a client's chat operation: load, decide, commit; the reply's referenceId or a refusal. */
@ApplicationScoped
public class ChatActions {

    private final ChatRepository chats;
    private final ChatRules rules;
    private final Dispatcher dispatcher;

    ChatActions(ChatRepository chats, ChatRules rules, Dispatcher dispatcher) {
        this.chats = chats;
        this.rules = rules;
        this.dispatcher = dispatcher;
    }

    public Replies.Accepted perform(String chatId, Actor actor, Operation operation, String baseUrl) {
        OperationTrail.chat(chatId);
        OperationTrail.actor(actor);
        Outcome outcome = chats.update(chatId, operation.targetUserId(), operation.needsTranscript(),
                snapshot -> rules.decide(snapshot.chat(), actor, operation,
                        new Moment(System.currentTimeMillis(), baseUrl), snapshot.availability(),
                        snapshot.transcript()));
        return switch (outcome) {
            case Outcome.Refused refused -> throw new ApiException(refused.statusCode(), refused.message());
            case Outcome.Unchanged unchanged -> throw new ApiException(StatusCode.INVALID_STATE,
                    operation.name() + " changed nothing");
            case Outcome.Applied applied -> {
                OperationTrail.reference(applied.referenceId());
                if (mayRoute(applied)) {
                    dispatcher.kick();
                }
                yield new Replies.Accepted(StatusCode.SUCCESS.code, applied.referenceId());
            }
        };
    }

    /** An agent got room, or a chat went back to the queue: waiting chats may now be offered. */
    static boolean mayRoute(Outcome.Applied applied) {
        return applied.effects().stream()
                .anyMatch(effect -> effect instanceof Effect.Untrack || effect instanceof Effect.Enqueue);
    }
}
