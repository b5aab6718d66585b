package org.openscis.server.config;

/** One listening socket. Port 0 picks a free port (tests). {@code tls} null means plain TCP (leased lines). */
public record ListenerConfig(String host, int port, TlsConfig tls) {

    /** Default App Gateway / acquirer listener: all interfaces, port 8080, plain TCP. */
    public static ListenerConfig defaultHttp() {
        return new ListenerConfig("0.0.0.0", 8080, null);
    }

    /** Default admin listener: loopback only, port 8081. */
    public static ListenerConfig defaultAdmin() {
        return new ListenerConfig("127.0.0.1", 8081, null);
    }
}
