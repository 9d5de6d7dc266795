package io.parley.api;

import java.util.List;
import java.util.regex.Pattern;

import io.parley.chat.Message;
import io.parley.chat.Views;

/** The part of a transcript a {@code ?startIndex=&count=} query asks for, of what the viewer may see. */
final class TranscriptPage {

    /** ASCII digits only: Integer.parseInt would also take other scripts' digits, such as full-width ones. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    private TranscriptPage() {
    }

    static List<Message> of(List<Message> transcript, boolean customer, String startIndex, String count) {
        int from = number("startIndex", startIndex, 1);
        int limit = number("count", count, Integer.MAX_VALUE);
        return Views.visible(transcript, customer).stream()
                .filter(message -> message.index() >= from)
                .limit(limit)
                .toList();
    }

    private static int number(String name, String value, int absent) {
        if (value == null) {
            return absent;
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw JsonBody.invalid(name + " must be a whole number");
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw JsonBody.invalid(name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw JsonBody.invalid(name + " must be a whole number");
        }
    }
}
