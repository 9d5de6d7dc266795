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
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.parley.contract.Contract;
import io.vertx.core.json.JsonObject;

/**
 * A Server-Sent Events client over the JDK's HTTP client: it reads the stream as a browser's EventSource does
 * (fields {@code id}, {@code event}, {@code data}, frames ended by a blank line, comments ignored). Events named
 * {@value #CHANNELS} (the agent's channel state changes, which a test's own Ready and NotReady cause) are kept
 * apart, as a desktop's listener for that event would take them: {@link #nextChannelState} reads them, every other
 * method the rest.
 */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String event, String data) {
        public JsonObject json() {
            return new JsonObject(data);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static final String CHANNELS = "/v2/me/channels";

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Event> channelStates = new LinkedBlockingQueue<>();
    private final CountDownLatch open = new CountDownLatch(1);
    private final Thread reader;
    private volatile InputStream body;
    private volatile int status;

    private SseClient(HttpRequest request) {
        reader = Thread.ofVirtual().start(() -> read(request));
    }

    /** Connects and waits until the server has accepted the stream. */
    public static SseClient connect(String url, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return opened(request);
    }

    /**
     * Connects with {@code headers} (Basic credentials, or a session cookie) instead of a bearer token, and waits
     * until the server has answered: {@link #status()} tells whether it accepted the stream.
     */
    public static SseClient connect(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return opened(request);
    }

    /** Sends the request and waits until the server has answered it. */
    private static SseClient opened(HttpRequest.Builder request) {
        SseClient client = new SseClient(request.GET().build());
        try {
            if (!client.open.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("SSE stream did not open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return client;
    }

    public int status() {
        return status;
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            SseLines sse = new SseLines(event -> (CHANNELS.equals(event.event()) ? channelStates : events).add(event));
            String line;
            boolean first = true;
            while ((line = lines.readLine()) != null) {
                if (first) {
                    first = false;
                    open.countDown();
                }
                sse.accept(line);
            }
        } catch (Exception e) {
            // the stream ended or was closed by the test
        } finally {
            open.countDown();
        }
    }

    /** The next event, waiting at most {@code timeout}. */
    public Event next(Duration timeout) {
        return next(events, timeout);
    }

    /** The next {@value #CHANNELS} event, waiting at most {@code timeout}. */
    public Event nextChannelState(Duration timeout) {
        return next(channelStates, timeout);
    }

    private static Event next(BlockingQueue<Event> queue, Duration timeout) {
        try {
            Event event = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No SSE event within " + timeout);
            }
            Contract.requireNotification(event.event(), event.data());
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Event next() {
        return next(Duration.ofSeconds(10));
    }

    /** The next event whose notificationType is {@code type}, skipping others. */
    public Event nextOfType(String type) {
        while (true) {
            Event event = next();
            if (type.equals(event.json().getString("notificationType"))) {
                return event;
            }
        }
    }

    /** Whatever arrives within {@code quiet}: used to show that nothing more arrives. */
    public List<Event> drain(Duration quiet) {
        List<Event> rest = new ArrayList<>();
        try {
            Event event;
            while ((event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                Contract.requireNotification(event.event(), event.data());
                rest.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rest;
    }

    @Override
    public void close() {
        try {
            if (body != null) {
                body.close();
            }
        } catch (Exception e) {
            // closing a stream the server may already have ended
        }
        reader.interrupt();
    }
}
