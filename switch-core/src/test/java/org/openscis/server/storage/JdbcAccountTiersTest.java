package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.testing.Race;

class JdbcAccountTiersTest extends StorageTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private JdbcAccountTiers tiers;

    @BeforeEach
    void setUp() {
        tiers = new JdbcAccountTiers(db());
    }

    @Test
    void aCardWithoutAReportedTierHasNone() {
        assertThat(tiers.tier("card-1")).isEmpty();
    }

    @Test
    void theLastReportedTierWins() {
        tiers.setTier("card-1", "1", T0);
        tiers.setTier("card-2", "3", T0);
        assertThat(tiers.tier("card-1")).contains("1");

        tiers.setTier("card-1", "2", T0.plusSeconds(1));

        assertThat(tiers.tier("card-1")).contains("2");
        assertThat(tiers.tier("card-2")).contains("3");
        assertThat(db().dsl().fetchValue("SELECT updated_at FROM account_tiers WHERE card_id = 'card-1'"))
                .isEqualTo(T0.plusSeconds(1).toEpochMilli());
    }

    @Test
    void concurrentFirstReportsOnTwoNodesAllSucceed() throws Exception {
        JdbcAccountTiers other = new JdbcAccountTiers(testDb.openAnother());
        for (int round = 0; round < 10; round++) {
            String cardId = "card-" + round;

            List<String> set = Race.run(4, i -> {
                (i % 2 == 0 ? tiers : other).setTier(cardId, String.valueOf(i + 1), T0);
                return String.valueOf(i + 1);
            });

            assertThat(tiers.tier(cardId)).get().isIn(set);
            assertThat(db().dsl().fetchCount(DSL.table("account_tiers"), DSL.field("card_id").eq(cardId)))
                    .isEqualTo(1);
        }
    }
}
