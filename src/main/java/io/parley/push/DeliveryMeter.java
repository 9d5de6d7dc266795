package io.parley.push;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Notifications written to clients ({@code parley_notifications_delivered_total}) by transport. */
@Startup
@ApplicationScoped
public class DeliveryMeter {

    private final Counter sse;
    private final Counter longPolling;
    private final Counter webSocket;

    DeliveryMeter(MeterRegistry registry) {
        sse = delivered(registry, "sse");
        longPolling = delivered(registry, "cometd-long-poll");
        webSocket = delivered(registry, "cometd-websocket");
    }

    private static Counter delivered(MeterRegistry registry, String transport) {
        return Counter.builder("parley.notifications.delivered")
                .description("Notifications written to push clients").tag("transport", transport)
                .register(registry);
    }

    void sse(int notifications) {
        sse.increment(notifications);
    }

    void longPolling(List<ObjectNode> replies) {
        longPolling.increment(notifications(replies));
    }

    void webSocket(List<ObjectNode> replies) {
        webSocket.increment(notifications(replies));
    }

    /** The deliveries among Bayeux replies: only a notification carries {@code data}. */
    private static long notifications(List<ObjectNode> replies) {
        return replies.stream().filter(reply -> reply.has("data")).count();
    }
}
