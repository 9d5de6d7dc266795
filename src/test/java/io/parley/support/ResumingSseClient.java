package io.parley.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Server-Sent Events client that, like a browser's EventSource, connects again whenever its stream ends or
 * cannot be opened, sending the id of the last event it received as {@code Last-Event-ID}. It keeps every event
 * it received, in order, and counts the streams it opened.
 */
public final class ResumingSseClient implements AutoCloseable {

    private static final Duration RETRY = Duration.ofMillis(100);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final String token;
    private final List<SseClient.Event> events = new ArrayList<>();
    private final AtomicInteger streams = new AtomicInteger();
    private final Thread reader;
    private volatile String lastEventId;
    private volatile InputStream body;
    private volatile boolean closed;

    private ResumingSseClient(String url, String token, String lastEventId) {
        this.url = url;
        this.token = token;
        this.lastEventId = lastEventId;
        this.reader = Thread.ofVirtual().start(this::follow);
    }

    /** Starts following; the first stream starts after {@code lastEventId}, or at the newest entry when null. */
    public static ResumingSseClient follow(String url, String token, String lastEventId) {
        return new ResumingSseClient(url, token, lastEventId);
    }

    /** Every event received so far, in order of arrival. */
    public List<SseClient.Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** How many streams the server accepted (200 and {@code : subscribed}). */
    public int streams() {
        return streams.get();
    }

    private void follow() {
        while (!closed) {
            try {
                readOneStream();
            } catch (Exception e) {
                // refused, reset or killed: connect again, as EventSource does
            }
            if (!closed) {
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void readOneStream() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        String from = lastEventId;
        if (from != null) {
            request.header("Last-Event-ID", from);
        }
        HttpResponse<InputStream> response = http.send(request.GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                return;
            }
            SseLines sse = new SseLines(this::received);
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals(": subscribed")) {
                    streams.incrementAndGet();
                } else {
                    sse.accept(line);
                }
            }
        }
    }

    private void received(SseClient.Event event) {
        synchronized (events) {
            events.add(event);
        }
        if (event.id() != null) {
            lastEventId = event.id();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            InputStream open = body;
            if (open != null) {
                open.close();
            }
        } catch (Exception e) {
            // the stream may already be gone
        }
        reader.interrupt();
    }
}
