package io.parley.store;

import java.util.List;

/**
 * One relayed commit's writes outside its chat, as kept in the chat's outbox until every one is made.
 *
 * @param version the chat version the commit made: with a note's position it orders the chat's notifications for
 *                each recipient, so that a note appended once is never appended again
 * @param notes   (recipient address, notification JSON), in the decision's order
 * @param changes (kind, key, a, b) as {@code apply-change.lua} takes them
 */
record OutboxEntry(long version, List<List<String>> notes, List<List<String>> changes) {

    /** Notes of one version are numbered below this, so that sequences of later versions are always greater. */
    static final long NOTES_PER_VERSION = 100_000;

    long sequence(int note) {
        return version * NOTES_PER_VERSION + note + 1;
    }

    boolean writesNothing() {
        return notes.isEmpty() && changes.isEmpty();
    }
}
