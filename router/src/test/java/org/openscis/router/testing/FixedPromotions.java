package org.openscis.router.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openscis.router.MessageType;
import org.openscis.router.port.Discount;
import org.openscis.router.port.Promotions;

/**
 * Promotions for tests: each rule gives a fixed discount to payments of one merchant category from a minimum amount;
 * the first matching rule wins. Every question asked is kept, to check what the handler asked.
 */
public final class FixedPromotions implements Promotions {

    /** What a handler asked. */
    public record Asked(String issuerIin, MessageType type, String mcc, long amountMinor, String currency) {}

    private record Rule(String mcc, long minAmountMinor, Discount discount) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();

    /** Payments at {@code mcc} of at least {@code minAmountMinor} get {@code discountMinor} off. */
    public FixedPromotions add(String mcc, long minAmountMinor, long discountMinor, String note) {
        rules.add(new Rule(mcc, minAmountMinor, new Discount(discountMinor, note)));
        return this;
    }

    @Override
    public Optional<Discount> find(String issuerIin, MessageType type, String mcc, long amountMinor, String currency) {
        asked.add(new Asked(issuerIin, type, mcc, amountMinor, currency));
        return rules.stream()
                .filter(r -> r.mcc().equals(mcc) && amountMinor >= r.minAmountMinor())
                .map(Rule::discount)
                .findFirst();
    }

    public List<Asked> asked() {
        return List.copyOf(asked);
    }
}
