package org.openscis.codec.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void isSha256OfMsgTypeNewlineAndCanonicalJson() throws Exception {
        TrxInfo trx = TrxInfo.builder()
                .put("b", "2")
                .put("a", TrxInfo.builder().put("y", new BigDecimal("1.00")).put("x", List.of(true, "s")).build())
                .putNull("c")
                .build();

        String expected = sha256Hex("P2P_TRANSFER\n{\"a\":{\"x\":[true,\"s\"],\"y\":1.00},\"b\":\"2\",\"c\":null}");

        assertThat(EnvelopeCodec.fingerprint("P2P_TRANSFER", trx)).isEqualTo(expected).matches("[0-9a-f]{64}");
    }

    @Test
    void nullTrxInfoCountsAsEmptyObject() throws Exception {
        assertThat(EnvelopeCodec.fingerprint("CVM_INQUIRY", null))
                .isEqualTo(EnvelopeCodec.fingerprint("CVM_INQUIRY", TrxInfo.EMPTY))
                .isEqualTo(sha256Hex("CVM_INQUIRY\n{}"));
    }

    @Test
    void memberOrderDoesNotMatterAtAnyLevel() {
        byte[] one = ("{\"msgInfo\":{},\"trxInfo\":{\"a\":\"1\",\"m\":{\"x\":\"1\",\"y\":[{\"p\":1,\"q\":2}]}}}")
                .getBytes(UTF_8);
        byte[] two = ("{\"msgInfo\":{},\"trxInfo\":{\"m\":{\"y\":[{\"q\":2,\"p\":1}],\"x\":\"1\"},\"a\":\"1\"}}")
                .getBytes(UTF_8);

        assertThat(EnvelopeCodec.fingerprint("T", Examples.decodeOk(one).trxInfo()))
                .isEqualTo(EnvelopeCodec.fingerprint("T", Examples.decodeOk(two).trxInfo()));
    }

    @Test
    void whitespaceDoesNotMatter() {
        byte[] pretty = Examples.bytes("mpqrc_payment_emv_request");
        byte[] compact = Examples.minified(pretty);

        assertThat(EnvelopeCodec.fingerprint("MPQRC_PAYMENT_EMV", Examples.decodeOk(pretty).trxInfo()))
                .isEqualTo(EnvelopeCodec.fingerprint("MPQRC_PAYMENT_EMV", Examples.decodeOk(compact).trxInfo()));
    }

    @Test
    void isSensitiveToValuesTypesNamesArrayOrderAndMsgType() {
        TrxInfo base = TrxInfo.builder().put("trxAmt", "1.00").put("list", List.of("a", "b")).build();
        String fp = EnvelopeCodec.fingerprint("T", base);

        assertThat(EnvelopeCodec.fingerprint("T", base.toBuilder().put("trxAmt", "1.01").build())).isNotEqualTo(fp);
        assertThat(EnvelopeCodec.fingerprint("T", base.toBuilder().put("trxAmt", new BigDecimal("1.00")).build()))
                .isNotEqualTo(fp);
        assertThat(EnvelopeCodec.fingerprint("T", base.toBuilder().put("list", List.of("b", "a")).build()))
                .isNotEqualTo(fp);
        assertThat(EnvelopeCodec.fingerprint("T", base.toBuilder().remove("list").put("List", List.of("a", "b"))
                .build())).isNotEqualTo(fp);
        assertThat(EnvelopeCodec.fingerprint("U", base)).isNotEqualTo(fp);
        assertThat(EnvelopeCodec.fingerprint("T", base.toBuilder().putNull("extra").build())).isNotEqualTo(fp);
    }

    @Test
    void numbersCountAsSentSoScaleMatters() {
        TrxInfo one = TrxInfo.builder().put("a", new BigDecimal("1.0")).build();
        TrxInfo two = TrxInfo.builder().put("a", new BigDecimal("1.00")).build();

        assertThat(EnvelopeCodec.fingerprint("T", one)).isNotEqualTo(EnvelopeCodec.fingerprint("T", two));
    }

    @Test
    void theDiscountDetailsAliasFingerprintsLikeTheUsualName() {
        TrxInfo capital = Examples.decodeOk(("{\"msgInfo\":{},\"trxInfo\":{\"DiscountDetails\":[]}}").getBytes(UTF_8))
                .trxInfo();
        TrxInfo usual = Examples.decodeOk(("{\"msgInfo\":{},\"trxInfo\":{\"discountDetails\":[]}}").getBytes(UTF_8))
                .trxInfo();

        assertThat(EnvelopeCodec.fingerprint("T", capital)).isEqualTo(EnvelopeCodec.fingerprint("T", usual));
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    }
}
