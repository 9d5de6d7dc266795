package io.parley.chat;

/**
 * A party of the chat. Agents and supervisors carry their user id; the customer has none. Participants are never removed from the
 * stored chat, so that message senders can always be named; {@link Presence} says whether they are still in it.
 */
public record Participant(String participantId, String nickname, ParticipantType type, String userId,
        Visibility visibility, Presence presence) {

    public boolean isAgent() {
        return type == ParticipantType.Agent;
    }

    public boolean isSupervisor() {
        return type == ParticipantType.Supervisor;
    }

    /** An agent or a supervisor: a signed-in user, whose notifications go to their user's log. */
    public boolean isStaff() {
        return type != ParticipantType.Customer;
    }

    /** Whether {@code viewer} (an agent without a seat when null) sees this participant in the chat. */
    public boolean seenBy(Participant viewer) {
        if (viewer != null && viewer.participantId().equals(participantId)) {
            return true;
        }
        return visibility.seenBy(viewer == null ? ParticipantType.Agent : viewer.type());
    }

    public boolean joined() {
        return presence == Presence.Joined;
    }

    public boolean isJoinedAgent(String agentUserId) {
        return isAgent() && presence != Presence.Gone && agentUserId.equals(userId);
    }

    public Participant withPresence(Presence newPresence) {
        return new Participant(participantId, nickname, type, userId, visibility, newPresence);
    }

    public Participant withVisibility(Visibility newVisibility) {
        return new Participant(participantId, nickname, type, userId, newVisibility, presence);
    }

    /** As {@code participants[]} shows it: an agent with its user's uri and path. */
    public Party party(Moment moment) {
        return new Party(nickname, type.name(), participantId,
                visibility != Visibility.All ? visibility.name() : null, uri(moment), path(), null);
    }

    /** As the sender of a custom notice: GWS adds its visibility and its participantId as {@code id}. */
    public Party noticeSender(Moment moment) {
        return new Party(nickname, type.name(), participantId, visibility.name(), uri(moment), path(), participantId);
    }

    private String uri(Moment moment) {
        return isStaff() && userId != null ? moment.userUri(userId) : null;
    }

    private String path() {
        return isStaff() && userId != null ? Moment.userPath(userId) : null;
    }
}
