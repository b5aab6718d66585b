package org.openscis.server.config;

/**
 * Where state lives: {@code h2} (a file under the data directory, default) or {@code postgresql} ({@code url},
 * {@code user}, {@code password}). {@code poolSize} bounds JDBC connections.
 */
public record StorageConfig(String kind, String h2File, String url, String user, String password, int poolSize) {}
