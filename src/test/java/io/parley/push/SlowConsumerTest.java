package io.parley.push;

import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.api.JsonBody;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.ResumingSseClient;
import io.parley.support.SseClient;
import io.parley.support.StalledClients;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.netty.util.internal.PlatformDependent;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * Clients that stop reading cost the push endpoint at most {@code parley.notifications.max-unsent-bytes} (and one
 * notification) each, however much more is sent to them; a stream whose client takes nothing for a keep-alive
 * interval is closed, and its client, once it reads again, resumes with {@code Last-Event-ID} and gets every
 * notification exactly once. Meanwhile a client that reads gets everything.
 */
@QuarkusTest
@TestProfile(StalledClients.class)
class SlowConsumerTest {

    private static final int STALLED = 200;
    private static final int MESSAGES = 100;

    private final List<StalledStream> stalled = new ArrayList<>();

    @AfterEach
    void closeAll() {
        stalled.forEach(StalledStream::close);
        Parley.endSessions();
    }

    @Test
    void streamsWhoseClientsStopReadingAreClosedAndTheirClientsResumeLosingNothing() throws Exception {
        Agent agent = Parley.readyAgent("agent");
        Customer customer;
        try (SseClient offers = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            customer = InviteFlowTestAccess.chattingWith(agent, offers);
        }
        try (ResumingSseClient healthy = ResumingSseClient.follow(Parley.sseUrl(), customer.token(), null)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> healthy.streams() > 0);
            for (int i = 0; i < STALLED; i++) {
                stalled.add(StalledStream.open(customer.token()));
            }
            // the longest text a message may have: each notification is about 16.4 KB
            String padding = "x".repeat(JsonBody.MAX_TEXT - 8);
            List<String> sent = new ArrayList<>();
            long halfway = 0;
            for (int i = 1; i <= MESSAGES; i++) {
                String text = "m" + i + " " + padding;
                operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", text));
                sent.add(text);
                if (i == MESSAGES / 2) {
                    // by now each stalled stream was sent three times its bound, and the server has caught up
                    Awaitility.await().atMost(Duration.ofSeconds(30))
                            .until(() -> healthy.events().size() >= MESSAGES / 2);
                    halfway = DirectMemory.used();
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> healthy.events().size() >= MESSAGES);
            assertEquals(sent, healthy.events().stream().map(SlowConsumerTest::text).toList(),
                    "the client that reads gets everything, once, in order");

            // what the stalled streams were sent in the second half is not kept for them: the memory stays flat
            long sentToStalled = (long) STALLED * (MESSAGES - MESSAGES / 2) * JsonBody.MAX_TEXT;
            long grown = DirectMemory.used() - halfway;
            assertTrue(grown < sentToStalled / 10, "direct memory grew by " + grown / 1024 + " KiB while the stalled "
                    + "streams were sent " + sentToStalled / 1024 + " KiB more");

            for (int i = 0; i < stalled.size(); i++) {
                StalledStream stream = stalled.get(i);
                List<SseClient.Event> got = stream.readToTheEnd(Duration.ofSeconds(10));
                List<String> texts = got.stream().map(SlowConsumerTest::text).toList();
                assertEquals(sent.subList(0, texts.size()), texts, "stream " + i + " got the first ones, in order");
                if (i % 40 == 0) {
                    // what a resuming client gets: the rest, exactly once
                    assertTrue(!got.isEmpty(), "stream " + i + " has an id to resume from");
                    try (SseClient resumed = SseClient.connect(Parley.sseUrl(), customer.token(), got.getLast().id())) {
                        List<String> rest = new ArrayList<>();
                        for (int n = texts.size(); n < MESSAGES; n++) {
                            rest.add(text(resumed.next()));
                        }
                        assertEquals(sent.subList(texts.size(), MESSAGES), rest, "stream " + i + " resumed");
                        assertEquals(List.of(), resumed.drain(Duration.ofMillis(300)), "nothing twice");
                    }
                }
            }
        }
    }

    private static String text(SseClient.Event event) {
        return event.json().getJsonArray("messages").getJsonObject(0).getString("text");
    }

    /** Direct memory in use, where the connections keep what they have not sent yet. */
    private static final class DirectMemory {
        static long used() {
            long buffers = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
            // Netty's own count of the direct memory it took without the JDK's bookkeeping, -1 when it takes none so
            return buffers + Math.max(0, PlatformDependent.usedDirectMemory());
        }
    }

    /**
     * An SSE connection whose client reads its response headers and the {@code : subscribed} comment, then nothing,
     * with a receive buffer of 4 KiB: what a stuck or overwhelmed client looks like to the server.
     */
    private static final class StalledStream {
        private final Socket socket;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();

        private StalledStream(Socket socket) {
            this.socket = socket;
        }

        static StalledStream open(String token) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", RestAssured.port));
            socket.getOutputStream().write(("GET /api/v2/notifications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StalledStream stream = new StalledStream(socket);
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            while (!stream.head.toString(StandardCharsets.US_ASCII).contains(": subscribed")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed before it subscribed");
                }
                stream.head.write(b);
            }
            return stream;
        }

        /** Reads again, until the server closes the connection; the complete events it sent, in order. */
        List<SseClient.Event> readToTheEnd(Duration within) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(head.toByteArray());
            long deadline = System.nanoTime() + within.toNanos();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("the server kept the stream open; " + all.size() + " bytes read");
                }
                socket.setSoTimeout((int) left);
                int read;
                try {
                    read = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (IOException reset) {
                    break;
                }
                if (read < 0) {
                    break;
                }
                all.write(buffer, 0, read);
            }
            return events(dechunk(all.toByteArray()));
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed by the server already
            }
        }

        /** The body of a chunked response, the last chunk possibly cut short. */
        private static String dechunk(byte[] response) {
            int at = indexOf(response, "\r\n\r\n", 0) + 4;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (at < response.length) {
                int lineEnd = indexOf(response, "\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                String sizeLine = new String(response, at, lineEnd - at, StandardCharsets.US_ASCII);
                int size = Integer.parseInt(sizeLine.trim(), 16);
                int from = lineEnd + 2;
                body.write(response, from, Math.min(response.length - from, size));
                at = from + size + 2;
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        private static int indexOf(byte[] bytes, String what, int from) {
            byte[] sought = what.getBytes(StandardCharsets.US_ASCII);
            for (int i = from; i + sought.length <= bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) {
                    return i;
                }
            }
            return -1;
        }

        /** The complete events of an SSE body; a last one cut short is not an event. */
        private static List<SseClient.Event> events(String body) {
            List<SseClient.Event> events = new ArrayList<>();
            int end;
            int from = 0;
            while ((end = body.indexOf("\n\n", from)) >= 0) {
                String id = null;
                String data = null;
                for (String line : body.substring(from, end).split("\n")) {
                    if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("data: ")) {
                        data = line.substring(6);
                    }
                }
                if (data != null) {
                    events.add(new SseClient.Event(id, null, data));
                }
                from = end + 2;
            }
            return events;
        }
    }
}
