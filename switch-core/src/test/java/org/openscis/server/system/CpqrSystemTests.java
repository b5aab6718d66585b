package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.qr.CpmParser;
import org.openscis.codec.qr.CpmPayload;
import org.openscis.codec.qr.CpmResult;
import org.openscis.router.qr.CodeCryptogram;
import org.openscis.router.qr.CpqrScan;
import org.openscis.router.qr.ScanResult;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.crypto.CpqrMasterKey;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.storage.JdbcCpqrCodes;
import org.openscis.server.system.Wallet.Card;

/**
 * QRC_GENERATION end to end over loopback: the App Gateway client against the real switch with the shipped
 * configuration. The codes must decode with the codec's CPM parser, carry increasing ATCs across requests, be stored
 * (a scan over the switch's own database and keyring accepts each), and leave no token, payload or barcode in clear
 * in the database or the logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CpqrSystemTests {

    private static final String[] TABLES = {"cpqr_codes", "cpqr_atc", "idempotency"};

    private final ClearTextWatch watch = new ClearTextWatch();
    private RunningSwitch sw;
    private Wallet wallet;
    private CpqrScan scan;

    abstract boolean postgres();

    @BeforeAll
    void start() throws Exception {
        watch.start();
        sw = RunningSwitch.start(postgres());
        wallet = new Wallet(sw, watch);
        DataKeyring keyring = DataKeyring.open(Path.of(sw.config.switchKeys().dataKeysFile()), false);
        scan = new CpqrScan(new JdbcCpqrCodes(sw.server.database(), new DataCipher(keyring), new KeyedHash(keyring)),
                new CodeCryptogram(CpqrMasterKey.derive(keyring)), sw.clock);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            watch.assertNoneInClear(sw, TABLES);
        } finally {
            watch.stop();
            sw.close();
        }
    }

    private static TrxInfo.Builder generation(Card c, String cpqrcNo) {
        return Wallet.tokenTrx(c).put("trxLimit", "100").put("cvmLimit", "1").put("limitCurrency", Wallet.CURRENCY)
                .put("cpqrcNo", cpqrcNo);
    }

    @SuppressWarnings("unchecked")
    private List<String> secrets(TrxInfo reply, String name) {
        List<String> values = (List<String>) (List<?>) reply.list(name);
        values.forEach(watch::secret);
        return values;
    }

    @Test
    void codesDecodeCarryIncreasingAtcsAndAreStored() throws Exception {
        Card card = wallet.enrolSeeded();
        watch.secret(card.token());
        long before = sw.count("cpqr_codes");

        SignedExchange first = wallet.call("QRC_GENERATION", generation(card, "03")
                .put("couponInfo", "CPN-1").build());
        SignedExchange second = wallet.call("QRC_GENERATION", generation(card, "02").build());

        assertThat(first.responseCode()).isEqualTo("00");
        assertThat(second.responseCode()).isEqualTo("00");
        assertThat(first.trxInfo().string("cpqrcNo")).isEqualTo("03");
        assertThat(first.trxInfo().string("couponInfo")).isEqualTo("CPN-1");
        List<String> payloads = new ArrayList<>(secrets(first.trxInfo(), "emvCpqrcPayload"));
        payloads.addAll(secrets(second.trxInfo(), "emvCpqrcPayload"));
        List<String> barcodes = new ArrayList<>(secrets(first.trxInfo(), "barcodeCpqrcPayload"));
        barcodes.addAll(secrets(second.trxInfo(), "barcodeCpqrcPayload"));
        assertThat(payloads).hasSize(5).doesNotHaveDuplicates();
        assertThat(barcodes).hasSize(5).doesNotHaveDuplicates().allMatch(b -> b.matches("62\\d{17}"));

        CpmParser parser = new CpmParser(List.of("A000000333"));
        int[] atcs = new int[payloads.size()];
        for (int i = 0; i < payloads.size(); i++) {
            CpmResult parsed = parser.parse(payloads.get(i));
            assertThat(parsed).as("payload %d decodes", i).isInstanceOf(CpmResult.Parsed.class);
            CpmPayload p = ((CpmResult.Parsed) parsed).payload();
            assertThat(p.aid()).isEqualToIgnoringCase("A000000333010101");
            assertThat(p.track2().pan()).isEqualTo(card.token());
            assertThat(p.track2().serviceCode()).isEqualTo("201");
            assertThat(p.cryptogram()).hasValueSatisfying(ac -> assertThat(ac).hasSize(8));
            assertThat(p.unpredictableNumber()).hasValueSatisfying(un -> assertThat(un).hasSize(4));
            byte[] iad = p.issuerApplicationData().orElseThrow();
            assertThat(new String(Arrays.copyOfRange(iad, 9, 17), StandardCharsets.US_ASCII))
                    .isEqualTo(sw.profile.insId());
            atcs[i] = p.atc().orElseThrow();

            ScanResult byPayload = scan.scan(payloads.get(i), null);
            assertThat(byPayload).isInstanceOf(ScanResult.Accepted.class);
            assertThat(scan.scan(null, barcodes.get(i))).as("the barcode at the same index is the same code")
                    .isEqualTo(byPayload);
        }
        assertThat(atcs).containsExactly(1, 2, 3, 4, 5);
        assertThat(sw.count("cpqr_codes")).isEqualTo(before + 5);
    }

    @Test
    void badRequestsAreRefusedAndStoreNothing() throws Exception {
        Card card = wallet.enrolSeeded();
        watch.secret(card.token());
        long before = sw.count("cpqr_codes");

        assertThat(wallet.call("QRC_GENERATION", generation(card, "11").build()).responseCode())
                .as("more than qr.codes.maxPerRequest").isEqualTo("30");
        assertThat(wallet.call("QRC_GENERATION", generation(card, "01").put("trxLimit", "5000.01").build())
                .responseCode()).as("above the product's per-transaction limit").isEqualTo("61");
        assertThat(wallet.call("QRC_GENERATION", generation(card, "01").put("cvmLimit", "100.01").build())
                .responseCode()).as("cvmLimit above trxLimit").isEqualTo("13");
        assertThat(wallet.call("QRC_GENERATION", generation(card, "01").put("deviceID", Wallet.device()).build())
                .responseCode()).isEqualTo("55");
        SignedExchange refused = wallet.call("QRC_GENERATION", generation(card, "01").put("trxLimit", "0").build());
        assertThat(refused.responseCode()).isEqualTo("13");
        assertThat(refused.trxInfo() == null || refused.trxInfo().list("emvCpqrcPayload") == null).isTrue();
        assertThat(sw.count("cpqr_codes")).isEqualTo(before);
    }
}
