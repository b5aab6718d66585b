package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.KycRecord;
import org.openscis.router.port.KycRecord.KycState;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.StoredDataException;
import org.openscis.testing.Race;

class JdbcKycStoreTest extends StorageTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final String INS = "39990061";
    private static final String LAST_NAME = "Zaphodbeeblebrox";
    private static final String ID_NO = "X98765432Q";
    private static final String ACCOUNT = "804412345678";
    private static final String MOBILE = "8613912345678";

    private DataCipher cipher;
    private JdbcKycStore store;

    @BeforeEach
    void setUp() {
        cipher = new DataCipher(DataKeyring.ephemeral(Clock.systemUTC()));
        store = new JdbcKycStore(db(), cipher);
    }

    private static KycRecord kyc(String referNo, String kycMsgId, KycState state) {
        TrxInfo cvmInfo = TrxInfo.builder()
                .put("firstName", "Arthur")
                .put("lastName", LAST_NAME)
                .put("idType", "01")
                .put("idNo", ID_NO)
                .put("idCountry", "CN")
                .put("accountNo", ACCOUNT)
                .put("mobileNo", MOBILE)
                .build();
        return new KycRecord(referNo, INS, kycMsgId, "62000001", "1003", "device-1", "user-1", cvmInfo, state, null,
                T0, null);
    }

    @Test
    void savedKycIsFoundByItsRequest() {
        KycRecord record = kyc("62000001000000000001", "kyc-1", KycState.APPROVED);

        assertThat(store.save(record)).isTrue();

        assertThat(store.find(INS, "kyc-1")).contains(record);
        assertThat(store.find(INS, "kyc-2")).isEmpty();
        assertThat(store.find("39990062", "kyc-1")).isEmpty();
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        KycRecord bare = new KycRecord("r1", INS, "kyc-1", "62000001", null, null, null, null, KycState.REJECTED,
                null, T0, null);

        assertThat(store.save(bare)).isTrue();

        assertThat(store.find(INS, "kyc-1")).contains(bare);
    }

    @Test
    void takenReferNoOrRequestIsRefused() {
        KycRecord first = kyc("r1", "kyc-1", KycState.APPROVED);
        store.save(first);

        assertThat(store.save(kyc("r1", "kyc-2", KycState.APPROVED))).isFalse();
        assertThat(store.save(kyc("r2", "kyc-1", KycState.REJECTED))).isFalse();

        assertThat(store.find(INS, "kyc-1")).contains(first);
        assertThat(store.find(INS, "kyc-2")).isEmpty();
    }

    @Test
    void theFirstOpeningMsgIdIsFixed() {
        store.save(kyc("r1", "kyc-1", KycState.APPROVED));

        assertThat(store.fixOpeningCbsMsgId("r1", "U-first")).isEqualTo("U-first");
        assertThat(store.fixOpeningCbsMsgId("r1", "U-second")).isEqualTo("U-first");
        assertThat(store.find(INS, "kyc-1").orElseThrow().openingCbsMsgId()).isEqualTo("U-first");
        assertThatThrownBy(() -> store.fixOpeningCbsMsgId("unknown", "U-x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentAttemptsOnTwoNodesAgreeOnOneOpeningMsgId() throws Exception {
        JdbcKycStore other = new JdbcKycStore(testDb.openAnother(), cipher);
        for (int round = 0; round < 5; round++) {
            String referNo = "r" + round;
            store.save(kyc(referNo, "kyc-" + round, KycState.APPROVED));

            List<String> fixed = Race.run(2, i -> (i == 0 ? store : other).fixOpeningCbsMsgId(referNo, "U-" + i));

            assertThat(fixed.get(0)).isEqualTo(fixed.get(1)).isIn("U-0", "U-1");
        }
    }

    @Test
    void consumeMovesApprovedToConsumedOnce() {
        store.save(kyc("r1", "kyc-1", KycState.APPROVED));
        store.save(kyc("r2", "kyc-2", KycState.REJECTED));

        assertThat(store.consume("r1", T0.plusSeconds(5))).isTrue();
        assertThat(store.consume("r1", T0.plusSeconds(6))).isFalse();
        assertThat(store.consume("r2", T0.plusSeconds(6))).isFalse();
        assertThat(store.consume("unknown", T0)).isFalse();

        KycRecord consumed = store.find(INS, "kyc-1").orElseThrow();
        assertThat(consumed.state()).isEqualTo(KycState.CONSUMED);
        assertThat(consumed.consumedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(store.find(INS, "kyc-2").orElseThrow().state()).isEqualTo(KycState.REJECTED);
    }

    @Test
    void concurrentConsumesOnTwoNodesHaveExactlyOneWinner() throws Exception {
        JdbcKycStore other = new JdbcKycStore(testDb.openAnother(), cipher);
        for (int round = 0; round < 5; round++) {
            String referNo = "r" + round;
            store.save(kyc(referNo, "kyc-" + round, KycState.APPROVED));

            List<Boolean> won = Race.run(4, i -> (i % 2 == 0 ? store : other).consume(referNo, T0));

            assertThat(won).containsOnlyOnce(true);
        }
    }

    @Test
    void kycDataNeverReachesTheDatabaseInClear() throws Exception {
        store.save(kyc("r1", "kyc-1", KycState.APPROVED));
        store.save(kyc("r2", "kyc-2", KycState.APPROVED));

        ClearTextScan scan = new ClearTextScan(db(), List.of("kyc_records"), LAST_NAME, ID_NO, ACCOUNT, MOBILE);
        assertThat(scan.rowsScanned("kyc_records")).isEqualTo(2);
        assertThat(scan.findings()).isEmpty();
        if (testDb.h2File() != null) {
            db().dsl().execute("CHECKPOINT SYNC");
            assertThat(ClearTextScan.fileContains(testDb.h2File(), LAST_NAME, ID_NO, ACCOUNT, MOBILE)).isEmpty();
        }
    }

    @Test
    void kycDataCannotBeMovedToAnotherReferNo() {
        store.save(kyc("r1", "kyc-1", KycState.APPROVED));
        store.save(kyc("r2", "kyc-2", KycState.APPROVED));
        db().dsl().execute("UPDATE kyc_records SET cvm_info_enc = (SELECT cvm_info_enc FROM kyc_records"
                + " WHERE refer_no = 'r1') WHERE refer_no = 'r2'");

        assertThat(store.find(INS, "kyc-1")).isPresent();
        assertThatThrownBy(() -> store.find(INS, "kyc-2")).isInstanceOf(StoredDataException.class);
    }
}
