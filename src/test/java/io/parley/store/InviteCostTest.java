package io.parley.store;

import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What one Invite costs Redis, watched with MONITOR: the commands the application sends (not those its scripts
 * run inside Redis) are one pipelined load of the chat, the target user and the target's channel state, and one
 * commit script, whatever the size of the chat.
 */
@QuarkusTest
class InviteCostTest {

    /** Commands the push role's sweeps and streams issue on their own; they are not the Invite's. */
    private static final Set<String> BACKGROUND = Set.of("ZRANGE", "LRANGE", "XRANGE", "XINFO", "PING");
    private static final Pattern CLIENT_COMMAND = Pattern.compile("^\\+[\\d.]+ \\[\\d+ ([^\\]]+)\\] \"(\\w+)\"");

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void anInviteIsOnePipelinedLoadAndOneCommit() throws Exception {
        Agent host = Parley.readyAgent("host");
        Customer customer;
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
            customer = InviteFlowTestAccess.chattingWith(host, stream);
        }
        Agent guest = Parley.readyAgent("guest");

        URI redis = URI.create(redisHosts.split(",")[0].trim());
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Socket monitor = new Socket(redis.getHost(), redis.getPort())) {
            OutputStream out = monitor.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
            if (!"+OK".equals(in.readLine())) {
                throw new IllegalStateException("MONITOR refused");
            }
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        seen.add(line);
                    }
                } catch (Exception closed) {
                    // the monitor socket is closed at the end of the test
                }
            });
            operate(host, customer.chatId(), Map.of("operationName", "Invite", "targetUri", guest.uri()));
            Thread.sleep(300);
            monitor.close();
            reader.join(1_000);
        }

        Map<String, Integer> sent = new TreeMap<>();
        for (String line : seen) {
            Matcher command = CLIENT_COMMAND.matcher(line);
            if (command.find() && !command.group(1).equals("lua") && !BACKGROUND.contains(command.group(2).toUpperCase(Locale.ROOT))) {
                sent.merge(command.group(2).toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        assertEquals(Map.of("HMGET", 1, "GET", 2, "EVALSHA", 1), sent, String.join("\n", seen));
    }
}
