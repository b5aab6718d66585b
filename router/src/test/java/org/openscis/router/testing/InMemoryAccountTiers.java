package org.openscis.router.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.AccountTiers;

/** Account tiers per card in a map; the last report wins. */
public final class InMemoryAccountTiers implements AccountTiers {

    private record Reported(String tier, Instant at) {}

    private final Map<String, Reported> byCard = new ConcurrentHashMap<>();

    @Override
    public Optional<String> tier(String cardId) {
        return Optional.ofNullable(byCard.get(cardId)).map(Reported::tier);
    }

    @Override
    public void setTier(String cardId, String tier, Instant now) {
        byCard.put(cardId, new Reported(tier, now));
    }

    /** When the card's tier was last set, empty if never. */
    public Optional<Instant> setAt(String cardId) {
        return Optional.ofNullable(byCard.get(cardId)).map(Reported::at);
    }
}
