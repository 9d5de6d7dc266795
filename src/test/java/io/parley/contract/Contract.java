package io.parley.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;

/**
 * Parley's API contract, {@code META-INF/openapi.yaml}, as a judge of real exchanges: each request and reply the
 * tests make is held against it, so the document cannot drift from what the service does.
 *
 * <p>The rules: a reply must be one the contract lists for the operation, with the body it describes (so every
 * refusal pairs its statusCode with the HTTP status the contract gives it). A request the contract refuses must be
 * refused by the service too (a 4xx), never answered as a success: a document stricter than the service would
 * mislead a client's author as much as a looser one. A path or method the contract does not list must be answered
 * with a Failure. Only {@code /api/} is Parley's API; Quarkus's {@code /q/} endpoints and the desktop pages are not
 * in it.
 */
public final class Contract {

    public static final String LOCATION = "META-INF/openapi.yaml";
    private static final String JSON = "application/json";
    private static final long TIMEOUT_SECONDS = 30;
    private static final String BASE = "app:///#";

    /** One HTTP exchange as a client saw it. Header names are matched without regard to case. */
    public record Exchange(String method, String rawPath, String rawQuery, Map<String, String> requestHeaders,
            byte[] requestBody, int status, Map<String, String> responseHeaders, String responseContentType,
            byte[] responseBody) {
    }

    private final JsonObject document;
    private final OpenAPIContract contract;
    private final RequestValidator requests;
    private final ResponseValidator responses;

    private Contract(Vertx vertx, JsonObject document, OpenAPIContract contract) {
        this.document = document;
        this.contract = contract;
        this.requests = RequestValidator.create(vertx, contract);
        this.responses = ResponseValidator.create(vertx, contract);
    }

    /** The contract on the class path, read once per class loader (tests of one run share it). */
    public static Contract get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Contract INSTANCE = load();
    }

    private static Contract load() {
        JsonObject document = read();
        // a small Vert.x of its own, apart from the application's: validation runs on its worker threads
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
        OpenAPIContract contract = await(OpenAPIContract.from(vertx, validatable(document.copy())));
        return new Contract(vertx, document, contract);
    }

    /** The document as written, YAML read into JSON. */
    public static JsonObject read() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is not on the class path");
            }
            Object tree = new ObjectMapper(new YAMLFactory()).readValue(in, Object.class);
            return new JsonObject(new ObjectMapper().writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonObject document() {
        return document;
    }

    /**
     * The document as the validator takes it: it reads JSON bodies only, so the event stream's reply keeps its
     * description and loses its media type, which {@link #violations} checks by itself.
     */
    private static JsonObject validatable(JsonObject document) {
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (Map.Entry<String, Object> operation : paths.getJsonObject(path)) {
                if (operation.getValue() instanceof JsonObject op && op.containsKey("responses")) {
                    for (Map.Entry<String, Object> response : op.getJsonObject("responses")) {
                        if (response.getValue() instanceof JsonObject reply && reply.containsKey("content")) {
                            reply.getJsonObject("content").fieldNames().removeIf(type -> !type.startsWith(JSON));
                        }
                    }
                }
            }
        }
        return document;
    }

    /** What the exchange does that the contract does not allow; empty when it keeps to it. */
    public List<String> violations(Exchange exchange) {
        String path = exchange.rawPath();
        if (!path.startsWith("/api/")) {
            return List.of();
        }
        String at = exchange.method() + " " + path + " → " + exchange.status();
        HttpMethod method = HttpMethod.valueOf(exchange.method().toUpperCase());
        Operation operation = contract.findOperation(path, method);
        List<String> found = new ArrayList<>();
        if (operation == null) {
            if (exchange.status() < 400) {
                found.add(at + ": the contract has no such operation, yet it was answered as a success");
            }
            String problem = failureBody(exchange);
            if (problem != null) {
                found.add(at + ": a request to no documented operation must get a Failure body: " + problem);
            }
            return found;
        }
        String refusedRequest = requestProblem(operation, exchange);
        if (refusedRequest != null && exchange.status() < 400) {
            found.add(at + ": the contract refuses this request (" + refusedRequest + "), yet it was answered "
                    + "as a success");
        }
        String badResponse = responseProblem(operation, exchange);
        if (badResponse != null) {
            found.add(at + " (" + operation.getOperationId() + "): " + badResponse);
        }
        return found;
    }

    private String requestProblem(Operation operation, Exchange exchange) {
        Map<String, RequestParameter> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.requestHeaders().forEach((name, value) -> headers.put(name, new RequestParameterImpl(value)));
        byte[] body = exchange.requestBody();
        boolean hasBody = body != null && body.length > 0;
        try {
            // the service reads a body as JSON whatever its Content-Type says (the contract's description says so)
            ValidatableRequestImpl request = new ValidatableRequestImpl(Map.of(), headers,
                    pathParameters(operation.getOpenAPIPath(), exchange.rawPath()), query(exchange.rawQuery()),
                    new RequestParameterImpl(hasBody ? Buffer.buffer(body) : null), hasBody ? JSON : null);
            await(requests.validate(request, operation.getOperationId()));
            return null;
        } catch (ContractViolation e) {
            return e.getMessage();
        }
    }

    private String responseProblem(Operation operation, Exchange exchange) {
        String type = mediaType(exchange.responseContentType());
        JsonObject declared = declaredResponse(operation, exchange.status());
        if (declared == null) {
            return "the contract lists no " + exchange.status() + " reply for this operation";
        }
        JsonObject content = declared.getJsonObject("content", new JsonObject());
        if (!content.isEmpty() && !content.containsKey(type)) {
            return "the reply's Content-Type " + exchange.responseContentType() + " is not among " + content.fieldNames();
        }
        if (!type.equals(JSON)) {
            return null;
        }
        byte[] body = exchange.responseBody();
        try {
            await(responses.validate(ValidatableResponse.create(exchange.status(), exchange.responseHeaders(),
                    body == null ? null : Buffer.buffer(body), JSON), operation.getOperationId()));
            return null;
        } catch (ContractViolation e) {
            return e.getMessage() + "; body: " + text(body);
        }
    }

    private JsonObject declaredResponse(Operation operation, int status) {
        JsonObject responses = document.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
                .getJsonObject(operation.getHttpMethod().name().toLowerCase()).getJsonObject("responses");
        Object response = responses.getValue(String.valueOf(status));
        if (response == null) {
            return null;
        }
        JsonObject reply = (JsonObject) response;
        String ref = reply.getString("$ref");
        return ref == null ? reply : resolve(ref);
    }

    /** A local reference, {@code #/components/...}. */
    public JsonObject resolve(String ref) {
        JsonObject node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.getJsonObject(part);
        }
        return node;
    }

    private String failureBody(Exchange exchange) {
        if (!JSON.equals(mediaType(exchange.responseContentType()))) {
            return "Content-Type " + exchange.responseContentType();
        }
        return schemaProblem("Failure", text(exchange.responseBody()));
    }

    /**
     * Fails unless a notification's {@code data}, as an SSE event or a CometD delivery on {@code channel} carried
     * it, is one of the contract's Notification shapes. Other events (an SSE {@code resync}) are not notifications.
     */
    public static void requireNotification(String channel, String json) {
        if (channel == null || !channel.startsWith("/v2/")) {
            return;
        }
        String problem = get().schemaProblem("Notification", json);
        if (problem != null) {
            throw new AssertionError("A notification on " + channel + " breaks the API contract (" + LOCATION
                    + "): " + problem);
        }
    }

    /** Why a JSON text does not fit a schema of the contract's components (such as Notification); null if it does. */
    public String schemaProblem(String name, String json) {
        Object value;
        try {
            value = io.vertx.core.json.Json.decodeValue(json);
        } catch (RuntimeException e) {
            return "not JSON: " + json;
        }
        String problem = problemAt("/components/schemas/" + name, value);
        return problem == null ? null : problem + "; value: " + json;
    }

    /** Why a value does not fit the schema at a JSON pointer into the document; null if it does. */
    public String problemAt(String pointer, Object value) {
        // by reference, as the validator itself reaches schemas: the repository knows the document as app:///
        OutputUnit result = contract.getSchemaRepository().validator(BASE + pointer).validate(value);
        return result.getValid() ? null : describe(result);
    }

    private static String describe(OutputUnit result) {
        List<String> errors = new ArrayList<>();
        if (result.getErrors() != null) {
            for (OutputUnit error : result.getErrors()) {
                errors.add(error.getInstanceLocation() + " " + error.getError());
            }
        }
        return errors.isEmpty() ? String.valueOf(result.getError()) : String.join("; ", errors);
    }

    private static Map<String, RequestParameter> pathParameters(String template, String rawPath) {
        String[] names = template.split("/");
        String[] values = rawPath.split("/");
        Map<String, RequestParameter> parameters = new HashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].startsWith("{") && names[i].endsWith("}")) {
                parameters.put(names[i].substring(1, names[i].length() - 1),
                        new RequestParameterImpl(URLDecoder.decode(values[i], StandardCharsets.UTF_8)));
            }
        }
        return parameters;
    }

    private static Map<String, RequestParameter> query(String rawQuery) {
        Map<String, RequestParameter> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, new RequestParameterImpl(value));
        }
        return query;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ContractViolation(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("validation took over " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** A validator's refusal, with its own words and where in the body it found the fault. */
    private static final class ContractViolation extends RuntimeException {
        ContractViolation(Throwable cause) {
            super(explain(cause), cause);
        }

        private static String explain(Throwable cause) {
            if (cause instanceof io.vertx.openapi.validation.SchemaValidationException e && e.getOutputUnit() != null) {
                return cause.getMessage() + ": " + describe(e.getOutputUnit());
            }
            return String.valueOf(cause.getMessage());
        }
    }

}
