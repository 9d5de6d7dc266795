package io.parley.push;

import java.util.regex.Pattern;

/** Redis Stream entry ids ({@code millis-sequence}), which are also the SSE event ids clients resume from. */
final class StreamIds {

    private static final Pattern FORM = Pattern.compile("\\d{1,19}-\\d{1,19}");

    private StreamIds() {
    }

    static boolean valid(String id) {
        return id != null && FORM.matcher(id).matches() && parts(id) != null;
    }

    static int compare(String a, String b) {
        long[] left = parts(a);
        long[] right = parts(b);
        int byTime = Long.compareUnsigned(left[0], right[0]);
        return byTime != 0 ? byTime : Long.compareUnsigned(left[1], right[1]);
    }

    private static long[] parts(String id) {
        int dash = id.indexOf('-');
        try {
            return new long[] { Long.parseUnsignedLong(id.substring(0, dash)),
                    Long.parseUnsignedLong(id.substring(dash + 1)) };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
