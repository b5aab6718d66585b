package org.openscis.connector.link;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link PeerLink} talks to its one origin. {@code baseUri} gives scheme ({@code http} or {@code https}), host,
 * port (default 80/443) and an optional path prefix put in front of every call's path. Limits: at most
 * {@code maxConnections} persistent connections, {@code maxInFlight} requests sent and unanswered, {@code maxQueued}
 * calls waiting for a connection; {@code connectTimeout} bounds TCP connect and the TLS handshake each,
 * {@code callTimeout} one exchange once sent; after a failed connect, new connections wait
 * {@code reconnectBackoffMin} doubling up to {@code reconnectBackoffMax}; {@code circuitFailureThreshold} failures in a
 * row open the circuit for {@code circuitOpenFor}; a response body over {@code maxResponseBytes} is refused.
 */
public record LinkConfig(URI baseUri, int maxConnections, int maxInFlight, int maxQueued, Duration connectTimeout,
        Duration callTimeout, Duration reconnectBackoffMin, Duration reconnectBackoffMax, int circuitFailureThreshold,
        Duration circuitOpenFor, int maxResponseBytes) {

    public static final int DEFAULT_MAX_CONNECTIONS = 32;
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    public static final int DEFAULT_MAX_QUEUED = 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(100);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(5);
    public static final int DEFAULT_CIRCUIT_FAILURE_THRESHOLD = 5;
    public static final Duration DEFAULT_CIRCUIT_OPEN_FOR = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    /** Netty takes the connect timeout as an int of milliseconds. */
    private static final long MAX_CONNECT_TIMEOUT_MILLIS = Integer.MAX_VALUE;

    /** Throws IllegalArgumentException naming the first value out of range. */
    public LinkConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUri must be http or https: " + baseUri);
        }
        if (baseUri.getHost() == null || baseUri.getHost().isEmpty()) {
            throw new IllegalArgumentException("baseUri has no host: " + baseUri);
        }
        if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null || baseUri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUri must not carry user info, a query or a fragment");
        }
        positive("maxConnections", maxConnections);
        positive("maxInFlight", maxInFlight);
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must be >= 0");
        }
        positive("connectTimeout", connectTimeout);
        positive("callTimeout", callTimeout);
        positive("reconnectBackoffMin", reconnectBackoffMin);
        positive("reconnectBackoffMax", reconnectBackoffMax);
        positive("circuitOpenFor", circuitOpenFor);
        if (connectTimeout.toMillis() > MAX_CONNECT_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("connectTimeout too long");
        }
        if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
            throw new IllegalArgumentException("reconnectBackoffMax must be >= reconnectBackoffMin");
        }
        positive("circuitFailureThreshold", circuitFailureThreshold);
        positive("maxResponseBytes", maxResponseBytes);
    }

    /** The defaults for {@code baseUri}: 32 connections, 256 in flight, 1024 queued, 1 s connect, 3 s call,
     * 100 ms..5 s reconnect backoff, circuit open 10 s after 5 failures, 1 MiB responses. */
    public static LinkConfig defaults(URI baseUri) {
        return new LinkConfig(baseUri, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_QUEUED,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT, DEFAULT_BACKOFF_MIN, DEFAULT_BACKOFF_MAX,
                DEFAULT_CIRCUIT_FAILURE_THRESHOLD, DEFAULT_CIRCUIT_OPEN_FOR, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public boolean https() {
        return baseUri.getScheme().equalsIgnoreCase("https");
    }

    /** The host to connect to and to name in SNI, without the brackets of an IPv6 literal. */
    public String host() {
        String host = baseUri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return baseUri.getPort() >= 0 ? baseUri.getPort() : https() ? 443 : 80;
    }

    /** The {@code Host} header: the host, with the port unless it is the scheme's default. */
    public String hostHeader() {
        return baseUri.getPort() < 0 || baseUri.getPort() == (https() ? 443 : 80) ? baseUri.getHost()
                : baseUri.getHost() + ":" + baseUri.getPort();
    }

    /** The base URI's path without a trailing slash ("" for none): every request target starts with it. */
    public String pathPrefix() {
        String path = baseUri.getRawPath();
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code scheme://host:port}, for messages. */
    public String origin() {
        return baseUri.getScheme() + "://" + baseUri.getHost() + ":" + port();
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }
}
