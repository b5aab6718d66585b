package org.openscis.server.config;

/** One listening socket. Port 0 picks a free port (tests). {@code tls} null means plain TCP (leased lines). */
public record ListenerConfig(String host, int port, TlsConfig tls) {}
