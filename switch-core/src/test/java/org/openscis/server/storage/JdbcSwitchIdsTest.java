package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.testing.Race;

class JdbcSwitchIdsTest extends StorageTestBase {

    private static final Instant NOW = Instant.parse("2026-03-01T23:59:59.999Z");
    private static final String IIN = "62000001";

    private JdbcSwitchIds ids;

    @BeforeEach
    void setUp() {
        ids = new JdbcSwitchIds(db(), Clock.systemUTC());
    }

    @Test
    void cbsMsgIdIsUIinUtcSecondAndStan() {
        assertThat(ids.cbsMsgId(IIN, NOW)).isEqualTo("U" + IIN + "20260301235959" + "000001");
        assertThat(ids.cbsMsgId(IIN, NOW.plusMillis(1))).isEqualTo("U" + IIN + "20260302000000" + "000002");
        assertThat(ids.cbsMsgId("62000002", NOW)).as("STANs count per issuer").endsWith("000001");
        assertThat(ids.cbsMsgId(IIN, NOW)).hasSize(29);
    }

    @Test
    void stanIsTheCounterModuloAMillion() {
        db().dsl().execute("INSERT INTO sequences (name, next_value) VALUES ('stan-" + IIN + "', 999999)");

        assertThat(ids.cbsMsgId(IIN, NOW)).endsWith("999999");
        assertThat(ids.cbsMsgId(IIN, NOW)).endsWith("000000");
        assertThat(ids.cbsMsgId(IIN, NOW)).endsWith("000001");
    }

    @Test
    void referNoIsTheIinAndTwelveCounterDigits() {
        assertThat(ids.referNo(IIN)).isEqualTo(IIN + "000000000001");
        assertThat(ids.referNo(IIN)).isEqualTo(IIN + "000000000002");
        assertThat(ids.referNo("62000002")).as("unique across issuers too").isEqualTo("62000002000000000001");
    }

    @Test
    void referNoCounterHasAnEnd() {
        db().dsl().execute("INSERT INTO sequences (name, next_value) VALUES ('refer-" + IIN + "', 999999999999)");

        assertThat(ids.referNo(IIN)).isEqualTo(IIN + "999999999999");
        assertThatThrownBy(() -> ids.referNo(IIN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void retrievalRefNumIsTwelveDigitsModuloTheirRange() {
        db().dsl().execute("INSERT INTO sequences (name, next_value) VALUES ('rrn', 999999999998)");

        assertThat(ids.retrievalRefNum()).isEqualTo("999999999998");
        assertThat(ids.retrievalRefNum()).isEqualTo("999999999999");
        assertThat(ids.retrievalRefNum()).isEqualTo("000000000000");
        assertThat(ids.retrievalRefNum()).isEqualTo("000000000001");
    }

    @Test
    void voucherNoIsTwentyDigits() {
        assertThat(ids.voucherNo()).isEqualTo("00000000000000000001");
        assertThat(ids.voucherNo()).isEqualTo("00000000000000000002");
    }

    @Test
    void cashOutTokensAreEighteenDigitsUniqueAndUnpredictable() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            tokens.add(ids.cashOutToken());
        }

        assertThat(tokens).allMatch(t -> t.matches("[1-9]\\d{17}")).doesNotHaveDuplicates();
        assertThat(tokens).extracting(t -> t.substring(10)).as("the counter part").doesNotHaveDuplicates();
        // One chance in 9e9 per pair: 1000 random parts hold no duplicate, bar a ~6e-5 coincidence.
        assertThat(tokens).extracting(t -> t.substring(0, 10)).as("the random part").doesNotHaveDuplicates();
        assertThat(tokens.get(1).substring(10)).as("no visible running count")
                .isNotEqualTo(String.format("%08d", Long.parseLong(tokens.get(0).substring(10)) + 1));
    }

    @Test
    void cashOutCounterDigitsAreABijectionOfTheCounter() {
        Set<Long> images = new HashSet<>();
        for (long c = 0; c < 100_000; c++) {
            images.add(c * JdbcSwitchIds.CASH_OUT_SCRAMBLE % JdbcSwitchIds.CASH_OUT_COUNTER_MODULUS);
        }
        assertThat(images).hasSize(100_000);
        assertThat(gcd(JdbcSwitchIds.CASH_OUT_SCRAMBLE, JdbcSwitchIds.CASH_OUT_COUNTER_MODULUS)).isEqualTo(1);
    }

    @Test
    void twoNodesNeverHandOutTheSameIdentifier() throws Exception {
        JdbcSwitchIds otherNode = new JdbcSwitchIds(testDb.openAnother(), Clock.systemUTC());
        List<Function<JdbcSwitchIds, String>> kinds = List.of(
                n -> n.cbsMsgId(IIN, NOW), n -> n.referNo(IIN), n -> n.retrievalRefNum(), n -> n.voucherNo(),
                n -> n.cashOutToken());
        int perThread = 250;
        for (Function<JdbcSwitchIds, String> kind : kinds) {
            // Two threads per node; every cbsMsgId carries the same second.
            List<List<String>> drawn = Race.run(4, i -> {
                List<String> values = new ArrayList<>();
                for (int n = 0; n < perThread; n++) {
                    values.add(kind.apply(i % 2 == 0 ? ids : otherNode));
                }
                return values;
            });

            Set<String> all = new HashSet<>();
            drawn.forEach(all::addAll);
            assertThat(all).hasSize(4 * perThread);
        }
    }

    @Test
    void anAllocatorWhoseBlocksNeverExpireIsRefused() {
        assertThatThrownBy(() -> new JdbcSwitchIds(new SequenceAllocator(db())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdbcSwitchIds(new SequenceAllocator(db(), 10,
                SequenceAllocator.TIMED_ID_MAX_BLOCK_AGE.multipliedBy(2), Clock.systemUTC())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new JdbcSwitchIds(new SequenceAllocator(db(), 10, SequenceAllocator.TIMED_ID_MAX_BLOCK_AGE,
                Clock.systemUTC())).voucherNo()).hasSize(20);
    }

    @Test
    void anIssuerIinMustBeEightDigits() {
        assertThatThrownBy(() -> ids.cbsMsgId("6200001", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.referNo("62000001x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.referNo(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
