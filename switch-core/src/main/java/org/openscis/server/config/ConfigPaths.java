package org.openscis.server.config;

/** Spells key paths the way problems name them: {@code listeners.http.port}, {@code issuers[0].products[1].bin}. */
final class ConfigPaths {

    private ConfigPaths() {}

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
