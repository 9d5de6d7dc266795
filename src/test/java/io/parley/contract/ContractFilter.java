package io.parley.contract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every REST-assured request and its reply against the {@link Contract}: a test whose exchange breaks the
 * contract fails with what broke it, whatever that test itself asserts.
 */
public final class ContractFilter implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Adds the filter to REST-assured's defaults, once (REST-assured's own class may differ per class loader). */
    public static void install() {
        synchronized (RestAssured.class) {
            if (RestAssured.filters().stream().noneMatch(ContractFilter.class::isInstance)) {
                RestAssured.filters(new ContractFilter());
            }
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
            FilterContext context) {
        Response response = context.next(request, expected);
        URI uri = URI.create(request.getURI());
        Contract.Exchange exchange = new Contract.Exchange(request.getMethod(), uri.getRawPath(), uri.getRawQuery(),
                headers(request.getHeaders().asList()), body(request.getBody()), response.getStatusCode(),
                headers(response.getHeaders().asList()), response.getContentType(), response.asByteArray());
        List<String> violations = Contract.get().violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("The exchange breaks the API contract (" + Contract.LOCATION + "):\n  "
                    + String.join("\n  ", violations));
        }
        return response;
    }

    private static Map<String, String> headers(List<Header> headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(header -> map.putIfAbsent(header.getName(), header.getValue()));
        return map;
    }

    /** The body as sent: REST-assured holds a String, bytes, or an object it serialises as JSON. */
    private static byte[] body(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the request body of type " + body.getClass(), e);
        }
    }
}
