package org.openscis.router.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Outcome;

/**
 * Asserts that card data (PAN, CVN2, account number) does not appear in an outcome. Short secrets such as a CVN2 are
 * checked in the {@code responseMsg} only: three digits occur by chance inside any token number.
 */
public final class CardDataLeaks {

    /** Values shorter than this are only checked in free text. */
    private static final int MIN_CHECKED_IN_VALUES = 6;

    private CardDataLeaks() {}

    public static void assertNoCardData(Outcome outcome, String... secrets) {
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            assertThat(outcome.responseMsg()).as("responseMsg").doesNotContain(secret);
            assertThat(String.valueOf(outcome.detail())).as("detail").doesNotContain(secret);
            if (secret.length() >= MIN_CHECKED_IN_VALUES && outcome.trxInfo() != null) {
                assertNotIn(outcome.trxInfo(), secret);
                assertThat(outcome.toString()).doesNotContain(secret);
            }
        }
    }

    private static void assertNotIn(Object value, String secret) {
        if (value instanceof TrxInfo t) {
            for (Map.Entry<String, Object> e : t.asMap().entrySet()) {
                assertNotIn(e.getValue(), secret);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> assertNotIn(v, secret));
        } else if (value != null) {
            assertThat(value.toString()).doesNotContain(secret);
        }
    }
}
