package io.parley.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The stored state of one chat, the unit every operation reads and writes. The transcript lives beside it (only
 * {@code lastIndex} is here) so that a commit does not rewrite the whole conversation.
 *
 * @param idStem twelve hex digits drawn at creation; a participant id is the stem plus its four-digit sequence
 * @param declinedBy agents who rejected or let lapse a routing offer of this chat: routing skips them
 * @param waiting the queue the chat waits in, null when it waits for nobody
 * @param queuedAt when the chat last entered a queue (epoch millis; 0 in chats stored before queues: createdAt)
 */
public record Chat(String id, long version, ChatStatus status, String subject, Map<String, Object> userData,
        List<Participant> participants, List<Invitation> invitations, Set<String> declinedBy, int lastIndex,
        long lastReferenceId, String idStem, int partySequence, long createdAt, Waiting waiting, long queuedAt) {

    public Chat {
        // a LinkedHashMap keeps the order clients attached the keys in
        userData = userData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(userData));
        participants = List.copyOf(participants);
        invitations = List.copyOf(invitations);
        declinedBy = declinedBy == null ? Set.of() : Set.copyOf(declinedBy);
    }

    /** A new chat holding only its customer, who is participant 1. */
    public static Chat start(String id, String idStem, String nickname, String subject, Map<String, Object> userData,
            long now, String queue) {
        Participant customer = new Participant(participantId(idStem, 1), nickname, ParticipantType.Customer, null,
                Visibility.All, Presence.Joined);
        return new Chat(id, 0, ChatStatus.Queued, subject, userData, List.of(customer), List.of(), Set.of(), 0, 0,
                idStem, 1, now, new Waiting(queue, InvitationKind.Routing, null, 0), now);
    }

    static String participantId(String idStem, int sequence) {
        return idStem + String.format("%04X", sequence);
    }

    public Optional<Participant> customer() {
        return participants.stream().filter(p -> p.type() == ParticipantType.Customer).findFirst();
    }

    public Optional<Participant> participant(String participantId) {
        return participants.stream().filter(p -> p.participantId().equals(participantId)).findFirst();
    }

    /** The agent's place in the chat (joined, or left as the last agent), if any. */
    public Optional<Participant> agentSeat(String userId) {
        return participants.stream().filter(p -> p.isJoinedAgent(userId)).findFirst();
    }

    /** The supervisor's place in the chat while they are in it. */
    public Optional<Participant> supervisorSeat(String userId) {
        return participants.stream().filter(p -> p.isSupervisor() && p.joined() && userId.equals(p.userId()))
                .findFirst();
    }

    /** Whether the user is in the chat in any way: as an agent (joined or left) or as a supervisor. */
    public boolean seated(String userId) {
        return participants.stream().anyMatch(p -> p.presence() != Presence.Gone && userId.equals(p.userId()));
    }

    public List<Participant> joinedSupervisors() {
        return joined(Participant::isSupervisor);
    }

    public Optional<Invitation> invitationFor(String userId) {
        return invitations.stream().filter(i -> i.userId().equals(userId)).findFirst();
    }

    public List<Participant> joined(Predicate<Participant> filter) {
        return participants.stream().filter(Participant::joined).filter(filter).toList();
    }

    public List<Participant> joinedAgents() {
        return joined(Participant::isAgent);
    }

    public boolean customerPresent() {
        return customer().map(Participant::joined).orElse(false);
    }

    /** Parties counted against the chat's limit: who is in it, plus who is being asked to join it. */
    public int partyCount() {
        long pendingJoins = invitations.stream().filter(i -> i.kind() != InvitationKind.Transfer).count();
        return countedParties() + (int) pendingJoins;
    }

    /** Who is in the chat and counts against its limit: a supervisor only while barging, as a party everyone sees. */
    public int countedParties() {
        return joined(p -> !p.isSupervisor() || p.visibility() == Visibility.All).size();
    }

    public Chat withStatus(ChatStatus newStatus) {
        return new Chat(id, version, newStatus, subject, userData, participants, invitations, declinedBy, lastIndex,
                lastReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    public Chat withVersion(long newVersion) {
        return new Chat(id, newVersion, status, subject, userData, participants, invitations, declinedBy, lastIndex,
                lastReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    public Chat withUserData(Map<String, Object> newUserData) {
        return new Chat(id, version, status, subject, newUserData, participants, invitations, declinedBy, lastIndex,
                lastReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    /** The chat enters {@code queue} now (null: it waits no more). */
    Chat withWaiting(Waiting newWaiting, long now) {
        return new Chat(id, version, status, subject, userData, participants, invitations, declinedBy, lastIndex,
                lastReferenceId, idStem, partySequence, createdAt, newWaiting, newWaiting == null ? queuedAt : now);
    }

    /** When the chat last entered a queue. */
    public long receivedAt() {
        return queuedAt == 0 ? createdAt : queuedAt;
    }

    Chat withLastIndex(int newLastIndex) {
        return new Chat(id, version, status, subject, userData, participants, invitations, declinedBy, newLastIndex,
                lastReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    Chat withLastReferenceId(long newReferenceId) {
        return new Chat(id, version, status, subject, userData, participants, invitations, declinedBy, lastIndex,
                newReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    Chat withInvitation(Invitation invitation) {
        List<Invitation> more = new ArrayList<>(invitations);
        more.add(invitation);
        return new Chat(id, version, status, subject, userData, participants, more, declinedBy, lastIndex,
                lastReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    Chat withoutInvitation(String userId) {
        List<Invitation> fewer = invitations.stream().filter(i -> !i.userId().equals(userId)).toList();
        return new Chat(id, version, status, subject, userData, participants, fewer, declinedBy, lastIndex,
                lastReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    Chat withDeclined(String userId) {
        Set<String> more = new HashSet<>(declinedBy);
        more.add(userId);
        return new Chat(id, version, status, subject, userData, participants, invitations, more, lastIndex,
                lastReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    /**
     * Adds a participant with the next participant id of this chat. An agent who comes back replaces the seat they
     * left, so that a chat agents keep joining and leaving does not grow with every visit (messages carry their own
     * sender, so nothing refers to the old seat any more).
     */
    Chat withNewParticipant(String nickname, ParticipantType type, String userId, Visibility visibility) {
        int sequence = partySequence + 1;
        List<Participant> more = new ArrayList<>(participants);
        if (userId != null) {
            more.removeIf(p -> p.presence() == Presence.Gone && userId.equals(p.userId()));
        }
        more.add(new Participant(participantId(idStem, sequence), nickname, type, userId, visibility,
                Presence.Joined));
        return new Chat(id, version, status, subject, userData, more, invitations, declinedBy, lastIndex,
                lastReferenceId, idStem, sequence, createdAt, waiting, queuedAt);
    }

    Chat withParticipant(Participant changed) {
        List<Participant> replaced = participants.stream()
                .map(p -> p.participantId().equals(changed.participantId()) ? changed : p)
                .toList();
        return new Chat(id, version, status, subject, userData, replaced, invitations, declinedBy, lastIndex,
                lastReferenceId, idStem, partySequence, createdAt, waiting, queuedAt);
    }

    Participant lastParticipant() {
        return participants.get(participants.size() - 1);
    }
}
