package org.openscis.server.cards;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openscis.server.storage.CardStateChange;
import org.openscis.server.storage.JdbcCardStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic job: every ACTIVE card past its expiry becomes SUSPENDED with reason EXPIRED (it then answers 54, and its
 * wallets, told by CARD_STATUS_NOTIFICATION, see SUSPENDED). Each card changes once: the change is conditional on the
 * card still being ACTIVE, so several nodes running the job at the same moment change it (and notify) once between
 * them. A run looks at most at {@code maxPerRun} cards; the rest wait for the next run, as does a card whose change
 * failed.
 */
public final class CardExpirySweep implements Runnable {

    /** Cards asked for per database round trip. */
    static final int BATCH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(CardExpirySweep.class);

    private final JdbcCardStates states;
    private final Clock clock;
    private final int maxPerRun;

    public CardExpirySweep(JdbcCardStates states, Clock clock, int maxPerRun) {
        this.states = Objects.requireNonNull(states, "states");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxPerRun < 1) {
            throw new IllegalArgumentException("maxPerRun must be positive: " + maxPerRun);
        }
        this.maxPerRun = maxPerRun;
    }

    /** One run, for the scheduler: failures are logged, and the next run tries again. */
    @Override
    public void run() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("card expiry sweep failed; will retry", e);
        }
    }

    /**
     * Expires the cards due at the clock's current instant; returns how many this call changed. Candidates that turn
     * out not to be due (cards stored before the expiry column, seen for the first time) are left as they are and
     * not offered again.
     */
    public int sweep() {
        Instant now = clock.instant();
        int looked = 0;
        int expired = 0;
        int notifications = 0;
        while (looked < maxPerRun) {
            List<String> candidates = states.expiryCandidates(now, Math.min(BATCH, maxPerRun - looked));
            for (String cardId : candidates) {
                try {
                    CardStateChange change = states.expire(cardId, now);
                    if (change.changed()) {
                        expired++;
                        notifications += change.notified().size();
                    }
                } catch (RuntimeException e) {
                    // one card that cannot be changed must not keep the others active past their expiry
                    LOG.warn("card {} could not be expired; will retry", cardId, e);
                }
            }
            looked += candidates.size();
            if (candidates.size() < BATCH) {
                break;
            }
        }
        if (expired > 0) {
            LOG.info("{} expired card(s) suspended with reason EXPIRED; {} wallet notification(s) queued", expired,
                    notifications);
        }
        return expired;
    }
}
