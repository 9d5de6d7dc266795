package io.parley.store;

import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import io.parley.api.InviteFlowTestAccess;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RedisProbe;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What one Invite costs Redis, watched with MONITOR: the commands the application sends (not those its scripts
 * run inside Redis) are one pipelined load of the chat, the target user and the target's channel state, and one
 * commit script, whatever the size of the chat.
 */
@QuarkusTest
// It counts the standalone path's commands on one node's MONITOR; on a cluster a commit's commands are spread over
// the primaries of the slots they touch, and the benchmark's cluster phase counts them there.
@DisabledIfEnvironmentVariable(named = "QUARKUS_REDIS_CLIENT_TYPE", matches = "cluster")
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

        List<String> seen = RedisProbe.monitor(redisHosts,
                () -> operate(host, customer.chatId(), Map.of("operationName", "Invite", "targetUri", guest.uri())));

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
