package org.openscis.server.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, each a {@code "key: problem"} line, so an operator
 * fixes them all in one pass instead of one restart per mistake.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one {@code "key: problem"} line each, in file order. */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String source, List<String> problems) {
        StringBuilder text = new StringBuilder()
                .append(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
