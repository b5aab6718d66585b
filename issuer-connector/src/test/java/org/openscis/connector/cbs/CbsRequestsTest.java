package org.openscis.connector.cbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweResult;

class CbsRequestsTest {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();
    private final CbsRequests requests = new CbsRequests("12345678", new CbsTestCipher());

    private static Envelope decode(byte[] body) {
        return ((DecodeResult.Ok) CODEC.decode(body)).envelope();
    }

    @Test
    void msgInfoCarriesVersionMsgIdUtcTimeTypeAndIssuer() {
        byte[] body = requests.body("REVERSAL", "U12345678202503040506070000042", TrxInfo.EMPTY,
                Instant.parse("2025-03-04T05:06:07.999Z"));

        assertThat(decode(body).msgInfo()).isEqualTo(new MsgInfo("1.0.0", "U12345678202503040506070000042",
                "20250304050607", "REVERSAL", "12345678"));
    }

    @Test
    void nestedJweFieldsAreEncryptedInPlaceAndOtherFieldsKept() {
        TrxInfo debit = TrxInfo.builder().put("token", "6200000000000001").put("pan", "6212345678901234")
                .put("accountNo", "123456789012").build();
        TrxInfo plain = TrxInfo.builder().put("relTrxMsgID", "M1").put("debitAccountInfo", debit)
                .put("trxAmt", "10.00").putNull("trxNote").put("creditAccountInfo", "already-a-jwe").build();

        byte[] body = requests.body("DEBIT_TRANSACTION", "U1", plain, Instant.EPOCH);

        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("6212345678901234", "123456789012");
        TrxInfo wire = decode(body).trxInfo();
        assertThat(wire.names()).containsExactly("relTrxMsgID", "debitAccountInfo", "trxAmt", "trxNote",
                "creditAccountInfo");
        assertThat(wire.string("trxAmt")).isEqualTo("10.00");
        assertThat(wire.has("trxNote")).isTrue();
        assertThat(wire.string("creditAccountInfo")).isEqualTo("already-a-jwe");
        JweResult decrypted = CbsTestCipher.decryptAsIssuer(wire.string("debitAccountInfo"));
        assertThat(decrypted).isInstanceOf(JweResult.Ok.class);
        assertThat(CODEC.decodeObject(((JweResult.Ok) decrypted).plaintext())).isEqualTo(debit);
    }

    @Test
    void aNullTrxInfoIsEmpty() {
        assertThat(decode(requests.body("TRANSACTION_INQUIRY", "U1", null, Instant.EPOCH)).trxInfo())
                .isEqualTo(TrxInfo.EMPTY);
    }
}
