package org.openscis.server.config;

import java.util.HashMap;
import java.util.Map;

/** Finds values configured twice where each must be unique, naming where the first one was. */
final class Unique {

    private final String what;
    private final Map<String, String> firstPath = new HashMap<>();

    Unique(String what) {
        this.what = what;
    }

    /** Records {@code value} at {@code path}; a repeat becomes a problem at {@code path}. Null values are ignored. */
    void check(String value, String path, Problems problems) {
        if (value == null) {
            return;
        }
        String earlier = firstPath.putIfAbsent(value, path);
        if (earlier != null) {
            problems.add(path, what + " \"" + value + "\" is already used at " + earlier);
        }
    }
}
