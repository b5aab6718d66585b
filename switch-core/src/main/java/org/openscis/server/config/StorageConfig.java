package org.openscis.server.config;

/**
 * Where state lives: {@code h2} (a file under the data directory, default) or {@code postgresql} ({@code url},
 * {@code user}, {@code password}). {@code poolSize} bounds JDBC connections (default 10). After loading,
 * {@code h2File} is an absolute path without H2's {@code .mv.db} suffix (default {@code <dataDir>/openscis}).
 */
public record StorageConfig(String kind, String h2File, String url, String user, String password, int poolSize) {

    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "StorageConfig[kind=" + kind + ", h2File=" + h2File + ", url=" + url + ", user=" + user
                + ", password=" + (password == null ? "null" : "****") + ", poolSize=" + poolSize + "]";
    }
}
