package org.openscis.connector.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulator's fault rules, changeable while it runs (from tests or {@code /sim/faults}). For each CBS message
 * the first matching rule whose draw hits picks it; a picked rule's count goes down by one. Draws come from one
 * random generator seeded from {@link SimConfig#randomSeed()}, so the same messages in the same order meet the same
 * faults. Thread-safe.
 */
public final class FaultPlan {

    private final SplittableRandom random;
    private final List<Entry> rules = new ArrayList<>();
    private long picked;

    FaultPlan(List<FaultRule> initial, long randomSeed) {
        this.random = new SplittableRandom(randomSeed);
        set(initial);
    }

    /** Replaces every rule. */
    public synchronized void set(List<FaultRule> newRules) {
        rules.clear();
        for (FaultRule rule : newRules) {
            add(rule);
        }
    }

    /** Adds a rule after the existing ones. */
    public synchronized void add(FaultRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (rule.count() != 0) {
            rules.add(new Entry(rule));
        }
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /** The rules now, with the counts they have left. */
    public synchronized List<FaultRule> list() {
        List<FaultRule> now = new ArrayList<>(rules.size());
        for (Entry e : rules) {
            now.add(e.rule.times(e.remaining));
        }
        return List.copyOf(now);
    }

    /** How many messages have met a fault so far. */
    public synchronized long picked() {
        return picked;
    }

    /** The fault for the next message of {@code msgType}, if one picks it. */
    synchronized Optional<FaultRule> next(String msgType) {
        for (Iterator<Entry> it = rules.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!e.rule.matches(msgType) || random.nextDouble() >= e.rule.probability()) {
                continue;
            }
            if (e.remaining > 0 && --e.remaining == 0) {
                it.remove();
            }
            picked++;
            return Optional.of(e.rule);
        }
        return Optional.empty();
    }

    private static final class Entry {
        final FaultRule rule;
        int remaining;

        Entry(FaultRule rule) {
            this.rule = rule;
            this.remaining = rule.count();
        }
    }
}
