package io.parley.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.cometd.bayeux.Channel;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.CometdClient;
import io.parley.support.CometdClient.TokenIn;
import io.parley.support.CometdClient.Transport;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.RawStream;
import io.parley.support.ShortIdleTimeout;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Connections that never complete a request are closed once the idle timeout has passed, however busily they
 * trickle header lines (or HTTP/2 frame bytes), and meanwhile other clients are served as usual. The connections
 * Parley keeps open on purpose (SSE streams, CometD long-polling and WebSocket) outlive that timeout.
 */
@QuarkusTest
@TestProfile(ShortIdleTimeout.class)
class IdleConnectionsTest {

    private static final int TRICKLING = 200;
    private static final int TRICKLING_HTTP2 = 5;
    private static final long TRICKLE_EVERY_MILLIS = 250;
    /** Beyond the timeout: the timer's own granularity, and a loaded machine. */
    private static final long SLACK_MILLIS = 4_000;
    private static final long GIVE_UP_MILLIS = ShortIdleTimeout.IDLE_TIMEOUT_MILLIS + 10_000;

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void clientsThatNeverFinishTheirRequestAreClosedAndDelayNobody() throws Exception {
        AtomicInteger sending = new AtomicInteger();
        List<Future<Held>> headers = new ArrayList<>();
        List<Future<Held>> frames = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < TRICKLING; i++) {
                int n = i;
                headers.add(clients.submit(trickling(sending, ("GET /api/v2/ping HTTP/1.1\r\nHost: localhost\r\n")
                        .getBytes(StandardCharsets.US_ASCII), () -> ("X-Trickle-" + n + ": still typing\r\n")
                        .getBytes(StandardCharsets.US_ASCII))));
            }
            for (int i = 0; i < TRICKLING_HTTP2; i++) {
                frames.add(clients.submit(trickling(sending, http2PrefaceAndUnfinishedHeaders(),
                        () -> new byte[] { 0 })));
            }
            while (sending.get() < TRICKLING + TRICKLING_HTTP2) {
                Thread.sleep(50);
            }

            // the held connections cost the others nothing: a request is served while they are all still held
            given().get("/api/v2/ping").then().statusCode(200);
            long served = System.currentTimeMillis();

            List<Held> trickled = new ArrayList<>();
            for (Future<Held> client : headers) {
                trickled.add(client.get());
            }
            assertTrue(trickled.stream().allMatch(client -> client.closedAt() > served),
                    "the request was served while every trickling client was connected");
            for (Future<Held> client : frames) {
                trickled.add(client.get());
            }
            for (Held client : trickled) {
                assertTrue(client.heldFor() <= ShortIdleTimeout.IDLE_TIMEOUT_MILLIS + SLACK_MILLIS,
                        "a trickling client was held for " + client.heldFor() + " ms (given up at " + GIVE_UP_MILLIS
                                + ")");
            }
        }
    }

    @Test
    void streamsAndCometdConnectionsOutliveTheTimeout() throws Exception {
        Agent agent = Parley.readyAgent("patient");
        AtomicInteger failedConnects = new AtomicInteger();
        AtomicInteger connects = new AtomicInteger();
        ClientSessionChannel.MessageListener counter = (channel, message) -> {
            (message.isSuccessful() ? connects : failedConnects).incrementAndGet();
        };
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
                CometdClient longPolling = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING,
                        agent.token(), TokenIn.HEADER, false, "/v2/me/chats");
                CometdClient webSocket = CometdClient.connect(Parley.sseUrl(), Transport.WEBSOCKET, agent.token(),
                        TokenIn.HEADER, false, "/v2/me/chats")) {
            longPolling.bayeux().getChannel(Channel.META_CONNECT).addListener(counter);
            webSocket.bayeux().getChannel(Channel.META_CONNECT).addListener(counter);
            long quiet = ShortIdleTimeout.IDLE_TIMEOUT_MILLIS * 2;
            Future<RawStream.Read> stream = readers.submit(() -> RawStream.read(agent.token(), quiet));

            RawStream.Read received = stream.get();
            assertFalse(received.closed(), "the stream was closed:\n" + received.text());
            assertTrue(received.text().contains(": keep-alive"), received.text());
            assertEquals(0, failedConnects.get(), "no connect failed");
            assertTrue(connects.get() >= 4, connects.get() + " connects answered");

            Parley.Customer customer = Parley.startChat("FirstL");
            assertEquals("StatusChange", longPolling.next().json().getString("notificationType"));
            assertEquals("StatusChange", webSocket.next().json().getString("notificationType"));
            Parley.customerOperate(customer, Map.of("operationName", "Leave"));
        }
    }

    /** When a trickling client connected, and when the server closed its connection. */
    private record Held(long connectedAt, long closedAt) {
        long heldFor() {
            return closedAt - connectedAt;
        }
    }

    /**
     * A client that sends {@code start} and then a piece of {@code more} every 250 ms without ever finishing its
     * request, until the server closes the connection.
     */
    private static Callable<Held> trickling(AtomicInteger sending, byte[] start, Callable<byte[]> more) {
        return () -> {
            long connected = System.currentTimeMillis();
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(start);
                out.flush();
                sending.incrementAndGet();
                socket.setSoTimeout((int) TRICKLE_EVERY_MILLIS);
                byte[] answer = new byte[4096];
                while (System.currentTimeMillis() - connected < GIVE_UP_MILLIS) {
                    try {
                        out.write(more.call());
                        out.flush();
                        // whatever the server answers (an HTTP/2 preface gets a 400 over HTTP/1.1), it must close
                        if (in.read(answer) < 0) {
                            break;
                        }
                    } catch (SocketTimeoutException stillOpen) {
                        // nothing to read yet: trickle on
                    } catch (IOException closed) {
                        break;
                    }
                }
            }
            return new Held(connected, System.currentTimeMillis());
        };
    }

    /** The HTTP/2 connection preface, an empty SETTINGS frame and a HEADERS frame announcing 1000 bytes. */
    private static byte[] http2PrefaceAndUnfinishedHeaders() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] { 0, 0, 0, 4, 0, 0, 0, 0, 0 });
        bytes.writeBytes(new byte[] { 0, 0x03, (byte) 0xe8, 1, 4, 0, 0, 0, 1 });
        return bytes.toByteArray();
    }
}
