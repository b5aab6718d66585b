package org.openscis.server.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.router.port.UrlOrder;
import org.openscis.server.config.TestConfigs;

class FileQrHostTest {

    static final String FIXED = "https://qr.95516.com/00010000/62000000000000000000000001";
    static final String OPEN = "https://qr.95516.com/00010000/62000000000000000000000002";

    private static FileQrHost shipped() {
        return FileQrHost.load(TestConfigs.shipped().getParent().resolve("qr-host.json"));
    }

    @Test
    void theShippedFileHasTheFixedAndTheOpenAmountCodeInHkd() {
        FileQrHost host = shipped();
        assertThat(host.size()).isEqualTo(2);
        UrlOrder fixed = host.resolve(FIXED).orElseThrow();
        assertThat(fixed.trxAmt()).isEqualTo("25.00");
        assertThat(fixed.trxCurrency()).isEqualTo("344");
        assertThat(fixed.openAmount()).isFalse();
        assertThat(fixed.mcc()).isEqualTo("5812");
        assertThat(fixed.merchantNameAL()).isEqualTo("示範麵家");
        assertThat(fixed.terminalId()).isEqualTo("T0000001");
        assertThat(fixed.mid()).isEqualTo("500034470110001");
        UrlOrder open = host.resolve(OPEN).orElseThrow();
        assertThat(open.openAmount()).isTrue();
        assertThat(open.trxCurrency()).isEqualTo("344");
        assertThat(open.upperLimitAmt()).isEqualTo("1000.00");
        assertThat(open.postalCode()).isNull();
    }

    @Test
    void codesAreMatchedByteForByte() {
        FileQrHost host = shipped();
        assertThat(host.resolve(FIXED + "1")).isEmpty();
        assertThat(host.resolve(FIXED.toUpperCase())).isEmpty();
        assertThat(host.resolve("https://qr.95516.com/00010000/62000000000000000000000099")).isEmpty();
        assertThat(host.resolve(null)).isEmpty();
        assertThat(FileQrHost.empty().resolve(FIXED)).isEmpty();
    }

    @Test
    void everyProblemOfAFileIsReported() {
        String text = """
                {"codes": [
                  {"url": "https://example.com/00010000/62000000000000000000000001", "trxAmt": "1.001",
                   "trxCurrency": "344", "upperLimitAmt": "5", "merchantName": "M", "mcc": "58",
                   "merchantCountry": "HK", "acquirerIIN": "1", "fwdIIN": "00020344", "mid": "1234567890123456",
                   "terminalID": "123456789"},
                  {"url": "https://qr.95516.com/00010000/62000000000000000000000003", "trxCurrency": "999",
                   "merchantName": "M", "mcc": "5812", "merchantCountry": "344", "acquirerIIN": "25000344",
                   "fwdIIN": "00020344", "mid": "1", "colour": "red"},
                  {"url": "https://qr.95516.com/00010000/62000000000000000000000004", "trxCurrency": "344",
                   "mcc": 5812},
                  "x"
                ], "extra": 1}
                """;
        assertThatThrownBy(() -> FileQrHost.parse(text, "host.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().contains(
                        "extra: unknown member",
                        "codes[0].url: not a UnionPay URL-mode QR code",
                        "codes[0].trxAmt:",
                        "codes[0].upperLimitAmt: only for open-amount codes",
                        "codes[0].mcc: must be 4 digits",
                        "codes[0].merchantCountry: must be an ISO 3166 numeric code",
                        "codes[0].acquirerIIN: must be 8 digits",
                        "codes[0].mid: must be 1-15 printable ASCII characters",
                        "codes[0].terminalID: at most 8 characters",
                        "codes[1].colour: unknown member",
                        "codes[2].mcc: must be a string",
                        "codes[3]: must be an object");
    }

    @Test
    void aCurrencyTheCodecDoesNotKnowAndDuplicatesAreRefused() {
        String entry = """
                {"url": "https://qr.95516.com/00010000/62000000000000000000000003", "trxCurrency": "%s",
                 "merchantName": "M", "mcc": "5812", "merchantCountry": "344", "acquirerIIN": "25000344",
                 "fwdIIN": "00020344", "mid": "1"}""";
        assertThatThrownBy(() -> FileQrHost.parse("{\"codes\": [" + entry.formatted("999") + "]}", "f"))
                .hasMessageContaining("codes[0].trxCurrency: not an ISO 4217 numeric currency code");
        assertThatThrownBy(() -> FileQrHost.parse("{\"codes\": [" + entry.formatted("344") + ","
                + entry.formatted("344") + "]}", "f"))
                .hasMessageContaining("codes[1].url: the same code appears twice");
        assertThatThrownBy(() -> FileQrHost.parse("{\"codes\": [" + entry.formatted("344").replace(
                "\"merchantName\": \"M\",", "") + "]}", "f"))
                .hasMessageContaining("codes[0].merchantName: is required");
    }

    @Test
    void notJsonNoCodesAndAMissingFileAreRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> FileQrHost.parse("{", "f")).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> FileQrHost.parse("[]", "f")).hasMessageContaining("codes: must be a list");
        assertThatThrownBy(() -> FileQrHost.load(dir.resolve("none.json"))).hasMessageContaining("cannot be read");
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"codes\": []}");
        assertThat(FileQrHost.load(empty).size()).isZero();
    }
}
