package io.parley.push.bayeux;

/**
 * What a message reaches the server through, and so what a session is bound to at its handshake: a browser, known
 * by the {@code BAYEUX_BROWSER} cookie the handshake set, for long-polling; the WebSocket itself for a session
 * handshaken over one. A clientId is then useless to whoever learns it without that browser's cookie or that
 * socket, as with CometD's own server.
 *
 * @param browser the browser cookie that came with the request, or with the WebSocket's upgrade; null without one
 * @param socket the WebSocket the message came on (a name unique on this instance); null for long-polling
 */
public record Connection(String browser, String socket) {

    public static Connection longPolling(String browser) {
        return new Connection(browser, null);
    }

    public static Connection webSocket(String socket, String browser) {
        return new Connection(browser, socket);
    }

    /** What a session handshaken through this connection is bound to: its WebSocket, else its browser. */
    public Connection binding() {
        return socket != null ? new Connection(null, socket) : this;
    }

    /**
     * Whether a message that came through {@code arrival} may act for a session bound to this: on the same
     * WebSocket, or from the same browser (a long-polling session may go on over a WebSocket its browser opened).
     */
    public boolean admits(Connection arrival) {
        return socket != null ? socket.equals(arrival.socket()) : browser != null && browser.equals(arrival.browser());
    }
}
