package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A server whose sockets take little (8 KiB send buffers, {@link SmallSendBuffers}), so that what a client does not
 * read stays with the server rather than in the kernel, and keep-alives every 300 ms, so that a stream whose client
 * stopped reading is seen to be cut off within a second.
 */
public class StalledClients implements QuarkusTestProfile {

    public static final int SEND_BUFFER_BYTES = 8192;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.notifications.heartbeat", "300ms",
                SmallSendBuffers.PROPERTY, Integer.toString(SEND_BUFFER_BYTES));
    }
}
