package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void accountRangeWrapsAndKeepsItsLength() {
        AccountRange seeded = AccountRange.of("100000000001", 500).orElseThrow();

        assertThat(seeded.accountNo(0)).isEqualTo("100000000001");
        assertThat(seeded.accountNo(499)).isEqualTo("100000000500");
        assertThat(seeded.accountNo(500)).isEqualTo("100000000001");
        assertThat(seeded.accountNo(-1)).isEqualTo("100000000500");
        assertThat(seeded.text()).isEqualTo("100000000001..100000000500");
    }

    @Test
    void theRestOfARangeIsWhatTheWarmUpLeft() {
        AccountRange seeded = AccountRange.of("100000000001", 500).orElseThrow();

        assertThat(seeded.from(100).text()).isEqualTo("100000000101..100000000500");
        assertThat(seeded.from(500)).isEqualTo(seeded);
        assertThat(seeded.from(0)).isEqualTo(seeded);
    }

    @Test
    void refusesWhatIsNotARange() {
        assertThat(AccountRange.of("0100000001", 5)).isEmpty();
        assertThat(AccountRange.of("12345", 5)).isEmpty();
        assertThat(AccountRange.of("999999", 2)).isEmpty();
        assertThat(AccountRange.of("10000a000001", 5)).isEmpty();
        assertThat(AccountRange.of("100000000001", 0)).isEmpty();
        assertThat(AccountRange.of(null, 5)).isEmpty();
        assertThat(AccountRange.of("1".repeat(18), 5)).isEmpty();
    }

    @Test
    void amountsAreSmallWithTwoDecimals() {
        assertThat(Workload.amount(1)).isEqualTo("0.01");
        assertThat(Workload.amount(50)).isEqualTo("0.50");
        assertThat(Workload.amount(105)).isEqualTo("1.05");
        for (int i = 0; i < 500; i++) {
            assertThat(new BigDecimal(Workload.amount())).isBetween(new BigDecimal("0.01"), new BigDecimal("0.50"));
        }
    }
}
