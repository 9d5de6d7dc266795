package parley.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API as a function sees it, on loopback: the function's own poll loop (AWS_LAMBDA_RUNTIME_API)
 * takes API Gateway HTTP API events (payload 2.0) from {@code invocation/next} and posts each reply to
 * {@code invocation/<id>/response}, as it does against Quarkus's mock event server and on Lambda.
 */
final class RuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";

    private record Invocation(String id, String event, CompletableFuture<String> reply) {
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final java.util.Map<String, Invocation> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    RuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(BASE + "/invocation/", this::invocation);
        server.createContext(BASE + "/init/error", exchange -> {
            System.err.println("The function failed to initialise: " + body(exchange));
            answer(exchange, 202, "");
        });
        server.start();
    }

    /** The value of AWS_LAMBDA_RUNTIME_API for the function. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** An HTTP API event for {@code method path} with a bearer token; the function's reply (payload 2.0 JSON). */
    String call(String method, String path, String token, String json, long timeoutMillis) throws Exception {
        String headers = "{\"host\":\"127.0.0.1\",\"content-type\":\"application/json\""
                + (token == null ? "" : ",\"authorization\":\"Bearer " + token + "\"") + "}";
        String event = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
                + "\"headers\":" + headers + ",\"requestContext\":{\"http\":{\"method\":\"" + method + "\",\"path\":\""
                + path + "\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"bench\"},"
                + "\"requestId\":\"" + UUID.randomUUID() + "\",\"routeKey\":\"$default\",\"stage\":\"$default\","
                + "\"timeEpoch\":" + System.currentTimeMillis() + "},"
                + (json == null ? "" : "\"body\":" + quote(json) + ",") + "\"isBase64Encoded\":false}";
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        inFlight.put(invocation.id(), invocation);
        pending.put(invocation);
        try {
            return invocation.reply().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The function did not answer " + method + " " + path + " in time");
        } finally {
            inFlight.remove(invocation.id());
        }
    }

    private void invocation(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals(BASE + "/invocation/next")) {
                Invocation next = pending.take();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.id());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:local:000000000000:function:parley-api");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-bench");
                answer(exchange, 200, next.event());
                return;
            }
            String[] parts = path.substring((BASE + "/invocation/").length()).split("/");
            Invocation invocation = inFlight.get(parts[0]);
            String body = body(exchange);
            answer(exchange, 202, "");
            if (invocation != null) {
                if (parts.length > 1 && parts[1].equals("response")) {
                    invocation.reply().complete(body);
                } else {
                    invocation.reply().completeExceptionally(new IllegalStateException("The function failed: " + body));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code text} as a JSON string. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
