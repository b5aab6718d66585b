package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrCodes;
import org.openscis.router.port.CpqrCodes.RedeemResult;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.KeyedHash;

/** Consumer-presented codes: encrypted at rest, found by payload or barcode, ATCs per token, single use. */
class JdbcCpqrCodesTest extends StorageTestBase {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final String TOKEN = "6292000012345678907";
    private static final String OTHER_TOKEN = "6292000099999999995";
    private static final DataKeyring KEYRING = DataKeyring.ephemeral(Clock.systemUTC());

    private JdbcCpqrCodes codes;

    @BeforeEach
    void setUp() {
        codes = store(db());
    }

    private static JdbcCpqrCodes store(Database db) {
        return new JdbcCpqrCodes(db, new DataCipher(KEYRING), new KeyedHash(KEYRING));
    }

    static CpqrCode code(String id, String token, String payload, String barcode, int atc) {
        return new CpqrCode(id, "39990061", "62900100", "C1", token, "device-1", "user-1", payload, barcode, atc,
                10_000, 100, "344", NOW, NOW.plus(Duration.ofMinutes(5)), null, null);
    }

    private static String id(int n) {
        return String.format("%032x", n);
    }

    @Test
    void aStoredCodeIsFoundByItsPayloadAndByItsBarcodeAndNothingElse() {
        CpqrCode a = code(id(1), TOKEN, "hQVDUFYwMWFYTwigAAADMwEBAVcT-a", "6200000000000000001", 7);
        CpqrCode b = code(id(2), TOKEN, "hQVDUFYwMWFYTwigAAADMwEBAVcT-b", "6200000000000000002", 8);
        codes.store(List.of(a, b));

        assertThat(codes.findByPayload(a.emvPayload())).contains(a);
        assertThat(codes.findByBarcode(b.barcode())).contains(b);
        assertThat(codes.findById(a.codeId())).contains(a);
        assertThat(codes.findByPayload(a.emvPayload() + "x")).isEmpty();
        assertThat(codes.findByPayload(b.barcode())).as("a barcode is not a payload").isEmpty();
        assertThat(codes.findByBarcode("6200000000000000003")).isEmpty();
    }

    @Test
    void tokenPayloadAndBarcodeAreNeverStoredInClear() throws Exception {
        String payload = "hQVDUFYwMWFYTwigAAADMwEBAVcTYpJhA1hEQzVkHSIQIBAAABiAH180AQBjM58mCFaLEtnaC9l";
        codes.store(List.of(code(id(1), TOKEN, payload, "6236098835899996543", 1)));
        codes.reserveAtc(TOKEN, 3);

        ClearTextScan scan = new ClearTextScan(db(), List.of("cpqr_codes", "cpqr_atc"), TOKEN, payload,
                "6236098835899996543");

        assertThat(scan.rowsScanned("cpqr_codes")).isEqualTo(1);
        assertThat(scan.rowsScanned("cpqr_atc")).isEqualTo(1);
        assertThat(scan.findings()).isEmpty();
    }

    @Test
    void aTakenBarcodeStoresNothingOfTheBatch() {
        codes.store(List.of(code(id(1), TOKEN, "p1", "6200000000000000001", 1)));

        assertThatThrownBy(() -> codes.store(List.of(code(id(2), TOKEN, "p2", "6200000000000000002", 2),
                code(id(3), TOKEN, "p3", "6200000000000000001", 3))))
                .isInstanceOf(CpqrCodes.BarcodeTaken.class);

        assertThat(codes.findByPayload("p2")).isEmpty();
        assertThat(codes.findById(id(3))).isEmpty();
        codes.store(List.of(code(id(2), TOKEN, "p2", "6200000000000000002", 2)));
        assertThat(codes.findByPayload("p2")).isPresent();
    }

    @Test
    void atcsIncreasePerTokenAndStartAtOne() {
        assertThat(codes.reserveAtc(TOKEN, 1)).isEqualTo(1);
        assertThat(codes.reserveAtc(TOKEN, 10)).isEqualTo(2);
        assertThat(codes.reserveAtc(TOKEN, 1)).isEqualTo(12);
        assertThat(codes.reserveAtc(OTHER_TOKEN, 2)).isEqualTo(1);
        assertThat(store(db()).reserveAtc(TOKEN, 1)).as("a restarted node continues").isEqualTo(13);
        assertThatThrownBy(() -> codes.reserveAtc(TOKEN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoNodesReservingAtOnceNeverShareAnAtc() throws Exception {
        List<JdbcCpqrCodes> nodes = List.of(codes, store(testDb.openAnother()));
        int threads = 6;
        int perThread = 15;
        List<Integer> reserved = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> tasks = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            JdbcCpqrCodes node = nodes.get(t % 2);
            int count = 1 + t % 3;
            tasks.add(() -> {
                start.await();
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    int first = node.reserveAtc(TOKEN, count);
                    for (int v = first; v < first + count; v++) {
                        mine.add(v);
                    }
                }
                assertThat(mine).as("one caller sees its values strictly increase").isSorted()
                        .doesNotHaveDuplicates();
                reserved.addAll(mine);
                return null;
            });
        }
        runTogether(tasks, start);

        int total = perThread * (2 * 1 + 2 * 2 + 2 * 3);
        assertThat(reserved).hasSize(total).doesNotHaveDuplicates();
        assertThat(Collections.max(reserved)).as("no gaps without failures").isEqualTo(total);
        assertThat(codes.reserveAtc(TOKEN, 1)).isEqualTo(total + 1);
    }

    @Test
    void aCodeIsRedeemedOnceAndNotAfterItsExpiry() {
        CpqrCode c = code(id(1), TOKEN, "p1", "6200000000000000001", 1);
        CpqrCode late = code(id(2), TOKEN, "p2", "6200000000000000002", 2);
        codes.store(List.of(c, late));

        assertThat(codes.redeem(id(1), "48000001", "M1", NOW)).isEqualTo(RedeemResult.REDEEMED);
        assertThat(codes.redeem(id(1), "48000001", "M2", NOW)).isEqualTo(RedeemResult.ALREADY_USED);
        assertThat(codes.redeem(id(1), "48000002", "M1", NOW)).isEqualTo(RedeemResult.ALREADY_USED);
        assertThat(codes.redeem(id(1), "48000001", "M1", NOW.plusSeconds(1)))
                .as("the same payment again finds its redemption").isEqualTo(RedeemResult.REDEEMED);
        assertThat(codes.findById(id(1)).orElseThrow())
                .extracting(CpqrCode::usedByInsId, CpqrCode::usedByMsgId).containsExactly("48000001", "M1");

        assertThat(codes.redeem(id(2), "48000001", "M3", late.expiresAt())).isEqualTo(RedeemResult.EXPIRED);
        assertThat(codes.redeem(id(2), "48000001", "M3", late.expiresAt().minusMillis(1)))
                .isEqualTo(RedeemResult.REDEEMED);
        assertThat(codes.redeem(id(3), "48000001", "M4", NOW)).isEqualTo(RedeemResult.UNKNOWN);
        assertThat(codes.redeem(id(1), "48000001", "M5", late.expiresAt()))
                .as("used wins over expired").isEqualTo(RedeemResult.ALREADY_USED);
    }

    @Test
    void ofConcurrentScansOnTwoNodesExactlyOneRedeems() throws Exception {
        List<JdbcCpqrCodes> nodes = List.of(codes, store(testDb.openAnother()));
        for (int round = 0; round < 5; round++) {
            String codeId = id(100 + round);
            codes.store(List.of(code(codeId, TOKEN, "p" + round, "62000000000000001" + round + "0", round + 1)));
            List<RedeemResult> results = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                JdbcCpqrCodes node = nodes.get(t % 2);
                String msgId = "M" + round + "-" + t;
                tasks.add(() -> {
                    start.await();
                    results.add(node.redeem(codeId, "48000001", msgId, NOW));
                    return null;
                });
            }
            runTogether(tasks, start);
            assertThat(results).filteredOn(r -> r == RedeemResult.REDEEMED).hasSize(1);
            assertThat(results).filteredOn(r -> r == RedeemResult.ALREADY_USED).hasSize(3);
        }
    }

    private static void runTogether(List<Callable<Void>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
