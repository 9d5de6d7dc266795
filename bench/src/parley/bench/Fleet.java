package parley.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many Server-Sent Events subscribers, each on a virtual thread. Every data line carrying a marker {@code m-<n>}
 * records when marker n first arrived, so that delivery latency can be measured against when it was sent.
 */
final class Fleet implements AutoCloseable {

    private static final Pattern MARKER = Pattern.compile("m-(\\d+)");

    private final HttpClient[] clients = new HttpClient[8];
    private final List<InputStream> bodies = new CopyOnWriteArrayList<>();
    private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();

    Fleet() {
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        }
    }

    /** Opens one stream per URL (with its bearer token, if any) and waits until every one is subscribed. */
    void connect(List<String> urls, List<String> tokens) throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(urls.size());
        Semaphore opening = new Semaphore(200);
        for (int i = 0; i < urls.size(); i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(i)))
                    .header("Accept", "text/event-stream");
            if (tokens != null) {
                request.header("Authorization", "Bearer " + tokens.get(i));
            }
            HttpClient client = clients[i % clients.length];
            opening.acquire();
            Thread.ofVirtual().start(() -> read(client, request.build(), subscribed, opening));
        }
        if (!subscribed.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(subscribed.getCount() + " streams did not open");
        }
    }

    private void read(HttpClient client, HttpRequest request, CountDownLatch subscribed, Semaphore opening) {
        boolean counted = false;
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            bodies.add(response.body());
            subscribed.countDown();
            opening.release();
            counted = true;
            BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    Matcher marker = MARKER.matcher(line);
                    if (marker.find()) {
                        arrivals.putIfAbsent(Long.parseLong(marker.group(1)), System.nanoTime());
                    }
                }
            }
        } catch (Exception e) {
            if (!counted) {
                opening.release();
            }
        }
    }

    /** When marker n arrived, waiting up to {@code timeout}; null if it never did. */
    Long arrival(long marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Long at;
        while ((at = arrivals.get(marker)) == null && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return at;
    }

    @Override
    public void close() {
        for (InputStream body : bodies) {
            try {
                body.close();
            } catch (Exception e) {
                // the server may already have closed it
            }
        }
        bodies.clear();
    }
}
