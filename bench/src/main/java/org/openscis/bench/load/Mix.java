package org.openscis.bench.load;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which message types a load run sends and in what proportion, e.g. {@code CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20}.
 * The proportions are met exactly rather than by chance: request {@code n} gets the type at position {@code n} of a
 * fixed interleaved cycle (smooth weighted round robin), so even a short run has the configured shares and the
 * enrolments are spread evenly instead of arriving in bursts.
 */
public final class Mix {

    /** A weight above this is surely a typo; it also bounds the cycle length. */
    public static final int MAX_WEIGHT = 10_000;
    public static final int MAX_TEXT_CHARS = 1_000;

    /** One type and its weight as written. */
    public record Entry(LoadType type, int weight) {}

    private final List<Entry> entries;
    private final LoadType[] cycle;

    private Mix(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.cycle = interleave(this.entries);
    }

    /** Parses {@code NAME=WEIGHT[,NAME=WEIGHT...]}; names in any letter case, weights 1..{@value #MAX_WEIGHT}. */
    public static MixParse parse(String text) {
        if (text == null || text.isBlank()) {
            return new MixParse.Invalid("the mix is empty; write e.g. CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return new MixParse.Invalid("the mix is longer than " + MAX_TEXT_CHARS + " characters");
        }
        List<Entry> entries = new ArrayList<>();
        Set<LoadType> seen = EnumSet.noneOf(LoadType.class);
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return new MixParse.Invalid("\"" + part.strip() + "\" is not NAME=WEIGHT");
            }
            String name = part.substring(0, eq).strip();
            var type = LoadType.byName(name);
            if (type.isEmpty()) {
                return new MixParse.Invalid("\"" + name + "\" is not a message type the load generator sends (one of "
                        + List.of(LoadType.values()) + ")");
            }
            if (!seen.add(type.get())) {
                return new MixParse.Invalid(type.get() + " appears twice");
            }
            String weightText = part.substring(eq + 1).strip();
            int weight = weight(weightText);
            if (weight < 1) {
                return new MixParse.Invalid("the weight of " + type.get() + " must be a whole number from 1 to "
                        + MAX_WEIGHT + ", found \"" + weightText + "\"");
            }
            entries.add(new Entry(type.get(), weight));
        }
        return new MixParse.Ok(new Mix(entries));
    }

    /** A mix of one type only. */
    public static Mix of(LoadType type) {
        return new Mix(List.of(new Entry(type, 1)));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The type of the {@code sequence}-th request (any long, negative values included). */
    public LoadType pick(long sequence) {
        return cycle[(int) Math.floorMod(sequence, (long) cycle.length)];
    }

    public boolean contains(LoadType type) {
        return entries.stream().anyMatch(e -> e.type() == type);
    }

    /** Whether some type needs tokens from the warm-up enrolments. */
    public boolean needsTokens() {
        return entries.stream().anyMatch(e -> e.type().needsToken());
    }

    /** The share of {@code type} in 0..1. */
    public double share(LoadType type) {
        long total = totalWeight();
        return entries.stream().filter(e -> e.type() == type).mapToLong(Entry::weight).sum() / (double) total;
    }

    public long totalWeight() {
        return entries.stream().mapToLong(Entry::weight).sum();
    }

    /** The canonical text, e.g. {@code CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.type()).append('=').append(e.weight());
        }
        return sb.toString();
    }

    /** For file names: lower case, e.g. {@code card_status_inquiry-80_card_enrollment-20}. */
    public String slug() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(e.type().name().toLowerCase(Locale.ROOT)).append('-').append(e.weight());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private static int weight(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= MAX_WEIGHT ? value : -1;
    }

    /** Smooth weighted round robin over the weights divided by their common divisor. */
    private static LoadType[] interleave(List<Entry> entries) {
        int divisor = 0;
        for (Entry e : entries) {
            divisor = gcd(divisor, e.weight());
        }
        int n = entries.size();
        int[] weights = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = entries.get(i).weight() / divisor;
            total += weights[i];
        }
        LoadType[] cycle = new LoadType[total];
        long[] current = new long[n];
        for (int slot = 0; slot < total; slot++) {
            int best = 0;
            for (int i = 0; i < n; i++) {
                current[i] += weights[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            cycle[slot] = entries.get(best).type();
        }
        return cycle;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
