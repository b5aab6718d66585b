package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.CpqrPayments;
import org.openscis.router.port.CpqrVerdict;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;

/** CPQRC payments: one per acquirer request, one verdict each, the payload encrypted. */
class JdbcCpqrPaymentsTest extends StorageTestBase {

    private static final Instant NOW = Instant.parse("2026-03-01T10:20:00Z");
    private static final String PAYLOAD = "hQVDUFYwMWFYTwigAAADMwEBAVcTYpJhA1hEQzVkHSIQIBAAABiAH180AQBjM58mCFaL";

    private JdbcCpqrPayments payments;

    @BeforeEach
    void setUp() {
        payments = new JdbcCpqrPayments(db(), new DataCipher(DataKeyring.ephemeral(java.time.Clock.systemUTC())));
    }

    private static CpqrPayment payment(String msgId, boolean verification) {
        return new CpqrPayment(new CpqrPayment.Key("47010344", msgId), "code-" + msgId, "39990157", false, PAYLOAD,
                verification, null, NOW);
    }

    @Test
    void aPaymentIsStoredOncePerRequestWithItsPayloadEncrypted() {
        assertThat(payments.create(payment("A1", true))).isTrue();
        assertThat(payments.create(payment("A1", false))).isFalse();
        CpqrPayment found = payments.find("47010344", "A1").orElseThrow();
        assertThat(found).isEqualTo(payment("A1", true));
        assertThat(payments.find("47010344", "A2")).isEmpty();
        byte[] stored = db().dsl().fetchOne("SELECT payload_enc FROM cpqr_payments").get(0, byte[].class);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("hQVDUFYw");
    }

    @Test
    void theVerdictIsRecordedOnce() {
        payments.create(payment("A1", true));
        payments.create(payment("A2", false));
        CpqrVerdict rejected = new CpqrVerdict(CpqrVerdict.Kind.DECLINE, "REJECTED", "user said no", "39990157",
                "A3999015720260301102000000001", NOW.plusSeconds(3));
        assertThat(payments.recordVerdict("47010344", "A1", rejected)).isEqualTo(CpqrPayments.RecordResult.RECORDED);
        assertThat(payments.recordVerdict("47010344", "A1", CpqrVerdict.timeout(NOW.plusSeconds(30))))
                .isEqualTo(CpqrPayments.RecordResult.ALREADY_DECIDED);
        assertThat(payments.recordVerdict("47010344", "A2", rejected))
                .isEqualTo(CpqrPayments.RecordResult.NOT_AWAITED);
        assertThat(payments.recordVerdict("47010344", "A9", rejected))
                .isEqualTo(CpqrPayments.RecordResult.NOT_AWAITED);
        assertThat(payments.find("47010344", "A1").orElseThrow().verdict()).isEqualTo(rejected);
    }

    @Test
    void thePollReturnsOnlyDecidedPayments() {
        payments.create(payment("A1", true));
        payments.create(payment("A2", true));
        CpqrVerdict timeout = CpqrVerdict.timeout(NOW);
        payments.recordVerdict("47010344", "A2", timeout);
        Map<CpqrPayment.Key, CpqrVerdict> found = payments.verdicts(List.of(new CpqrPayment.Key("47010344", "A1"),
                new CpqrPayment.Key("47010344", "A2"), new CpqrPayment.Key("47010344", "A3")));
        assertThat(found).containsOnly(Map.entry(new CpqrPayment.Key("47010344", "A2"), timeout));
        assertThat(payments.verdicts(List.of())).isEmpty();
    }
}
