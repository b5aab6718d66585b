package org.openscis.server.storage;

import org.openscis.testing.Race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcVerificationAttemptsTest extends StorageTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final String CARD = "C-0001";

    private JdbcVerificationAttempts attempts;

    @BeforeEach
    void setUp() {
        attempts = new JdbcVerificationAttempts(db(), LIMIT, WINDOW);
    }

    private void fail(String cardId, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            attempts.recordFailure(cardId, at);
        }
    }

    private int storedFailures(String cardId) {
        Integer n = db().dsl().select(Tables.CardVerificationFailures.FAILURES)
                .from(Tables.CardVerificationFailures.TABLE)
                .where(Tables.CardVerificationFailures.CARD_ID.eq(cardId))
                .fetchOne(Tables.CardVerificationFailures.FAILURES);
        return n == null ? 0 : n;
    }

    @Test
    void anUnknownCardIsNotLocked() {
        assertThat(attempts.locked(CARD, T0)).isFalse();
    }

    @Test
    void theLimitInsideTheWindowLocksTheCard() {
        fail(CARD, LIMIT - 1, T0);
        assertThat(attempts.locked(CARD, T0)).isFalse();

        attempts.recordFailure(CARD, T0.plus(WINDOW).minusMillis(1));

        assertThat(attempts.locked(CARD, T0.plus(WINDOW).minusMillis(1))).isTrue();
        assertThat(storedFailures(CARD)).isEqualTo(LIMIT);
    }

    @Test
    void theLockEndsWithTheWindowThatStartedAtTheFirstFailure() {
        fail(CARD, LIMIT, T0);
        assertThat(attempts.locked(CARD, T0.plus(WINDOW).minusMillis(1))).isTrue();
        assertThat(attempts.locked(CARD, T0.plus(WINDOW))).isFalse();
    }

    @Test
    void aFailureAfterTheWindowStartsANewCount() {
        fail(CARD, LIMIT - 1, T0);
        Instant later = T0.plus(WINDOW);
        attempts.recordFailure(CARD, later);
        assertThat(attempts.locked(CARD, later)).isFalse();
        assertThat(storedFailures(CARD)).isEqualTo(1);

        fail(CARD, LIMIT - 1, later.plus(WINDOW).minusMillis(1));
        assertThat(attempts.locked(CARD, later.plus(WINDOW).minusMillis(1))).isTrue();
    }

    @Test
    void resetForgetsTheFailures() {
        fail(CARD, LIMIT, T0);
        attempts.reset(CARD);
        assertThat(attempts.locked(CARD, T0)).isFalse();
        assertThat(storedFailures(CARD)).isZero();
        attempts.reset(CARD);
    }

    @Test
    void failuresArePerCard() {
        fail(CARD, LIMIT, T0);
        fail("C-0002", LIMIT - 1, T0);
        assertThat(attempts.locked(CARD, T0)).isTrue();
        assertThat(attempts.locked("C-0002", T0)).isFalse();
    }

    @Test
    void aSecondNodeSeesTheSameCount() {
        JdbcVerificationAttempts otherNode = new JdbcVerificationAttempts(testDb.openAnother(), LIMIT, WINDOW);
        fail(CARD, 2, T0);
        otherNode.recordFailure(CARD, T0.plusSeconds(1));
        fail(CARD, LIMIT - 4, T0.plusSeconds(2));
        assertThat(otherNode.locked(CARD, T0.plusSeconds(3))).isFalse();
        otherNode.recordFailure(CARD, T0.plusSeconds(3));
        assertThat(attempts.locked(CARD, T0.plusSeconds(3))).isTrue();
    }

    @Test
    void purgeForgetsEndedWindowsOnly() {
        fail(CARD, LIMIT, T0);
        fail("C-0002", 1, T0.plusSeconds(1));

        assertThat(attempts.purgeExpired(T0.plus(WINDOW))).isEqualTo(1);

        assertThat(storedFailures(CARD)).isZero();
        assertThat(storedFailures("C-0002")).isEqualTo(1);
    }

    @Test
    void concurrentFirstFailuresAreEachCounted() throws Exception {
        int threads = 8;
        Race.run(threads, i -> {
            attempts.recordFailure(CARD, T0);
            return null;
        });
        assertThat(storedFailures(CARD)).isEqualTo(threads);
    }

    @Test
    void concurrentFailuresAfterAnEndedWindowRestartItOnce() throws Exception {
        fail(CARD, LIMIT, T0);
        int threads = 4;
        Instant later = T0.plus(WINDOW).plusSeconds(1);
        Race.run(threads, i -> {
            attempts.recordFailure(CARD, later);
            return null;
        });
        assertThat(storedFailures(CARD)).isEqualTo(threads);
        assertThat(attempts.locked(CARD, later)).isFalse();
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new JdbcVerificationAttempts(db(), 0, WINDOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdbcVerificationAttempts(db(), LIMIT, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
