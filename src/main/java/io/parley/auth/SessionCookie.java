package io.parley.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The session cookie and the CSRF headers, as GWS names them: {@code JSESSIONID}, and on every response that opens
 * or rides on a session {@code X-CSRF-HEADER: X-CSRF-TOKEN} with {@code X-CSRF-TOKEN: <token>}
 * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/CSRFProtection).
 *
 * <p>The cookie is HttpOnly (no script needs it), SameSite=Strict (only pages of Parley's own site send it, as with
 * the CometD browser cookie), for the whole API below the public base URL's path, Secure when that URL is https or
 * the request came over TLS, and has no expiry: it lasts as long as the browser or the session, whichever ends first.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "JSESSIONID";
    public static final String CSRF_HEADER = "X-CSRF-HEADER";
    public static final String CSRF_TOKEN = "X-CSRF-TOKEN";
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");

    private final String path;
    private final boolean publicHttps;

    SessionCookie(ParleyConfig config) {
        URI base = config.publicBaseUrl().map(URI::create).orElse(null);
        String basePath = base == null || base.getRawPath() == null ? "" : base.getRawPath();
        this.path = basePath.endsWith("/") ? basePath : basePath + "/";
        this.publicHttps = base != null && "https".equalsIgnoreCase(base.getScheme());
    }

    /** Whether a value is of the form Parley gives session ids (anything else is not looked up). */
    public static boolean wellFormed(String id) {
        return id != null && FORM.matcher(id).matches();
    }

    /** The request's session cookie, or null. */
    public static String of(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** Whether a request changes state, and so must carry the CSRF token when it rides on a session. */
    public static boolean changesState(HttpServerRequest request) {
        return switch (request.method().name()) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    /** Whether a request carries the session's CSRF token in the header GWS names. */
    public static boolean carriesToken(HttpServerRequest request, Session session) {
        String sent = request.getHeader(CSRF_TOKEN);
        // compared in constant time: how long a comparison takes must not tell how much of a guess was right
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the cookie of a session just opened. */
    public void set(HttpServerResponse response, HttpServerRequest request, Session session) {
        response.addCookie(cookie(session.id(), request));
        announce(response, session);
    }

    /** Tells the client the CSRF token of the session its request opened or rode on. */
    public static void announce(HttpServerResponse response, Session session) {
        response.putHeader(CSRF_HEADER, CSRF_TOKEN).putHeader(CSRF_TOKEN, session.csrfToken());
    }

    /** Tells the browser to drop the cookie of an ended session. */
    public void clear(HttpServerResponse response, HttpServerRequest request) {
        response.addCookie(cookie("", request).setMaxAge(0));
    }

    private Cookie cookie(String value, HttpServerRequest request) {
        return Cookie.cookie(NAME, value).setPath(path).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(publicHttps || request.isSSL() || "https".equalsIgnoreCase(request.scheme()));
    }
}
