package io.parley.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.parley.support.Parley;
import io.quarkus.test.junit.callback.QuarkusTestAfterConstructCallback;

/**
 * When the tests reach the api role as a Lambda function (the {@code lambda} Maven profile: REST-assured requests
 * become API Gateway events through Quarkus's mock event server, and no HTTP server listens), the notification
 * streams come from a push instance beside it, as deployed: the packaged application in the push role, on the same
 * Redis and key prefix, verifying the tokens the function signs. It is started for the first test, again when a
 * test profile restarts the application with another Redis or key pair, and stopped when the test JVM ends; without
 * the Lambda extension on the class path nothing happens. What it runs is kept in system properties: this class is
 * loaded anew with each application.
 */
public class LambdaPushPod implements QuarkusTestAfterConstructCallback {

    private static final String LAMBDA_HANDLER = "io.quarkus.amazon.lambda.http.LambdaHttpHandler";
    /** The Redis, key prefix and public key of the running push instance, and its process id. */
    private static final String RUNNING_FOR = "push-pod.for";
    private static final String RUNNING_PID = "push-pod.pid";

    /** Once the test instance exists its application runs, and the configuration read here is that one's. */
    @Override
    public void afterConstruct(Object testInstance) {
        if (!lambdaPath()) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        String verifyKey = config.getValue("mp.jwt.verify.publickey", String.class);
        String redis = config.getValue("quarkus.redis.hosts", String.class);
        String keyPrefix = config.getValue("parley.redis.key-prefix", String.class);
        String application = redis + " " + keyPrefix + " " + verifyKey;
        String runningFor = System.getProperty(RUNNING_FOR);
        if (runningFor != null) {
            if (runningFor.equals(application)) {
                return;
            }
            ProcessHandle.of(Long.getLong(RUNNING_PID)).ifPresent(ProcessHandle::destroy);
        }
        Map<String, String> environment = OperatorSettings.on(redis);
        environment.put("PARLEY_REDIS_KEY_PREFIX", keyPrefix);
        environment.put("PARLEY_ROLE", "push");
        // the test build's key pair, inline: the push instance verifies what the function signs
        environment.put("MP_JWT_VERIFY_PUBLICKEY", verifyKey);
        environment.put("SMALLRYE_JWT_SIGN_KEY", config.getValue("smallrye.jwt.sign.key", String.class));
        try {
            ParleyProcess push = ParleyProcess.start("lambda-push", freePort(), environment);
            Runtime.getRuntime().addShutdownHook(new Thread(push::close));
            System.setProperty(Parley.PUSH_URL, push.baseUrl());
            System.setProperty(RUNNING_FOR, application);
            System.setProperty(RUNNING_PID, Long.toString(push.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("The push instance beside the function did not start", e);
        }
    }

    private static boolean lambdaPath() {
        try {
            Class.forName(LAMBDA_HANDLER, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
