package io.parley.push;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the wake-up a commit publishes: whose log grew and, when it was small enough to travel along, the
 * entry that was appended (commit.lua writes {@code "<address> <entry id> <json>"} or just {@code "<address>"}).
 */
record WakeUp(String address, NotificationLog.Entry entry) {

    /** The lines of one wake-up message, in log order; a line that is not understood only wakes its address. */
    static List<WakeUp> parse(String message) {
        List<WakeUp> lines = new ArrayList<>();
        int from = 0;
        while (from <= message.length()) {
            int end = message.indexOf('\n', from);
            if (end < 0) {
                end = message.length();
            }
            if (end > from) {
                lines.add(line(message.substring(from, end)));
            }
            from = end + 1;
        }
        return lines;
    }

    private static WakeUp line(String line) {
        int afterAddress = line.indexOf(' ');
        if (afterAddress < 0) {
            return new WakeUp(line, null);
        }
        String address = line.substring(0, afterAddress);
        int afterId = line.indexOf(' ', afterAddress + 1);
        String id = afterId < 0 ? null : line.substring(afterAddress + 1, afterId);
        if (!StreamIds.valid(id) || afterId + 1 >= line.length()) {
            return new WakeUp(address, null);
        }
        return new WakeUp(address, new NotificationLog.Entry(id, line.substring(afterId + 1)));
    }
}
