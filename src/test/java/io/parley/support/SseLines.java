package io.parley.support;

import java.util.function.Consumer;

/**
 * Server-Sent Events read line by line, as EventSource reads them: {@code id:}, {@code event:} and {@code data:}
 * fields gather until an empty line ends the event; comment lines and other fields are skipped.
 */
public final class SseLines {

    private final Consumer<SseClient.Event> onEvent;
    private String id;
    private String event;
    private StringBuilder data;

    public SseLines(Consumer<SseClient.Event> onEvent) {
        this.onEvent = onEvent;
    }

    public void accept(String line) {
        if (line.isEmpty()) {
            if (data != null) {
                onEvent.accept(new SseClient.Event(id, event, data.toString()));
            }
            id = null;
            event = null;
            data = null;
        } else if (line.startsWith("id:")) {
            id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
            event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
        }
    }
}
