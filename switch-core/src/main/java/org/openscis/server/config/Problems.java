package org.openscis.server.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects configuration problems as {@code "key: problem"} lines instead of stopping at the first one. */
final class Problems {

    private final List<String> lines = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    /**
     * Records the first problem of {@code key}; later ones for the same key are dropped, because they are
     * consequences (a variable that could not be substituted is then also not a number).
     */
    void add(String key, String problem) {
        String name = key.isEmpty() ? "(top level)" : key;
        if (keys.add(name)) {
            lines.add(name + ": " + problem);
        }
    }

    /** Adds the problem with the YAML line it comes from, when known, so the operator finds it quickly. */
    void add(String key, String problem, int line) {
        add(key, line > 0 ? problem + " (line " + line + ")" : problem);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
