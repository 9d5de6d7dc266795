package parley.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What Lambda's java21 runtime does with a function, reduced to the part a cold start pays for: it loads the class
 * of _HANDLER ("class::method") from the zip's class path, creates it (Quarkus's stream handler starts the
 * application then), and passes each event of the Runtime API to it as a stream. Started by {@link Setup} in a
 * process of its own, compiled beforehand so that no compiler runs in the measured start.
 */
public final class FunctionRuntime {

    private FunctionRuntime() {
    }

    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
        String[] handler = System.getenv("_HANDLER").split("::");
        Class<?> type = Class.forName(handler[0]);
        Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context");
        Method handle = type.getMethod(handler[1], InputStream.class, OutputStream.class, context);
        Object function = type.getDeclaredConstructor().newInstance();
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(URI.create(api + "next")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            Object invocationContext = Proxy.newProxyInstance(context.getClassLoader(), new Class<?>[] { context },
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "getAwsRequestId" -> id;
                        case "getRemainingTimeInMillis" -> 30_000;
                        case "getMemoryLimitInMB" -> 1024;
                        case "getFunctionName" -> "parley-api";
                        default -> null;
                    });
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            handle.invoke(function, new ByteArrayInputStream(next.body()), reply, invocationContext);
            http.send(HttpRequest.newBuilder(URI.create(api + id + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(reply.toByteArray())).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
