package org.openscis.codec.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class EnvelopeDecodeTest {

    private static final List<String> EXAMPLES = Examples.ALL;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    @ParameterizedTest
    @FieldSource("EXAMPLES")
    void everyProtocolExampleDecodesWithAValidMsgInfo(String name) {
        Envelope envelope = Examples.decodeOk(Examples.bytes(name));

        assertThat(envelope.msgInfo().versionNo()).isEqualTo("1.0.0");
        assertThat(EnvelopeCodec.validateMsgInfo(envelope.msgInfo())).isNull();
    }

    @Test
    void readsMsgInfoTrxInfoAndNestedValuesInOrder() {
        Envelope envelope = Examples.decodeOk(Examples.bytes("mpqrc_payment_emv_request"));

        assertThat(envelope.msgInfo()).isEqualTo(new MsgInfo("1.0.0", "A3999999920190808110216974867",
                "20190808110216", "MPQRC_PAYMENT_EMV", "39999999"));
        assertThat(envelope.msgResponse()).isNull();
        TrxInfo trx = envelope.trxInfo();
        assertThat(trx.names()).containsExactly("deviceID", "userID", "token", "trxAmt", "trxCurrency",
                "mpqrcPayload", "merchantInfo", "riskInfo", "additionalData");
        assertThat(trx.string("trxAmt")).isEqualTo("1.00");
        assertThat(trx.object("merchantInfo").string("mid")).isEqualTo("500034470110001");
        assertThat(trx.object("merchantInfo").names())
                .containsExactly("acquirerIIN", "fwdIIN", "mid", "merchantName", "mcc");
    }

    @Test
    void readsMsgResponseOfAResponse() {
        Envelope envelope = Examples.decodeOk(Examples.bytes("cvm_inquiry_response"));

        assertThat(envelope.msgResponse()).isEqualTo(new MsgResponse("00", "Approved"));
        assertThat(envelope.trxInfo().list("cvm"))
                .containsExactly("firstName", "midName", "lastName", "idType", "idNo", "idCountry");
    }

    @Test
    void emptyTrxInfoIsEmptyAndAbsentTrxInfoIsNull() {
        assertThat(Examples.decodeOk(Examples.bytes("cvm_inquiry_request")).trxInfo()).isEqualTo(TrxInfo.EMPTY);
        Envelope ack = Examples.decodeOk(Examples.bytes("debit_transaction_response"));
        assertThat(ack.trxInfo()).isNull();
        assertThat(ack.trxInfoOrEmpty()).isEqualTo(TrxInfo.EMPTY);
    }

    @Test
    void arraysOfObjectsAreRead() {
        TrxInfo trx = Examples.decodeOk(Examples.bytes("open_account_request")).trxInfo();

        List<Object> docs = trx.list("cvmAddtlDocums");
        assertThat(docs).hasSize(2);
        assertThat(((TrxInfo) docs.get(1)).string("dataType")).isEqualTo("selfPhoto");
    }

    @Test
    void nonAsciiTextIsReadAsUtf8() {
        TrxInfo trx = Examples.decodeOk(Examples.bytes("open_account_response")).trxInfo();

        assertThat(trx.string("pan")).endsWith("\u2026");
    }

    @Test
    void capitalDiscountDetailsIsReadAsDiscountDetails() {
        TrxInfo trx = Examples.decodeOk(Examples.bytes("trx_result_notification_request")).trxInfo();

        assertThat(trx.has("DiscountDetails")).isFalse();
        TrxInfo discount = (TrxInfo) trx.list("discountDetails").get(0);
        assertThat(discount.string("discountAmt")).isEqualTo("0.63");
    }

    @Test
    void discountDetailsAliasAppliesAtAnyLevel() {
        TrxInfo trx = trxInfoOf("{\"outer\":{\"DiscountDetails\":[]}}");

        assertThat(trx.object("outer").list("discountDetails")).isEmpty();
    }

    @Test
    void jsonNumbersKeepTheirScaleAndOtherTypesAreKept() {
        TrxInfo trx = trxInfoOf("{\"a\":1.00,\"b\":7,\"c\":-0.5e3,\"d\":true,\"e\":false,\"f\":null,\"g\":[1,null,\"x\"]}");

        assertThat((BigDecimal) trx.get("a")).isEqualTo(new BigDecimal("1.00"));
        assertThat(((BigDecimal) trx.get("a")).scale()).isEqualTo(2);
        assertThat(trx.get("b")).isEqualTo(new BigDecimal("7"));
        assertThat(trx.get("c")).isEqualTo(new BigDecimal("-0.5e3"));
        assertThat(trx.get("d")).isEqualTo(Boolean.TRUE);
        assertThat(trx.get("e")).isEqualTo(Boolean.FALSE);
        assertThat(trx.has("f")).isTrue();
        assertThat(trx.get("f")).isNull();
        assertThat(trx.list("g")).containsExactly(new BigDecimal("1"), null, "x");
    }

    @Test
    void unknownTopLevelMembersAreIgnored() {
        Envelope envelope = Examples.decodeOk(body(
                "{\"encCertId\":{\"upiEncCertID\":\"1\",\"insEncCertID\":\"2\"},\"msgInfo\":" + msgInfo() + "}"));

        assertThat(envelope.msgInfo().insID()).isEqualTo("39999999");
        assertThat(envelope.trxInfo()).isNull();
    }

    @Test
    void nonStringMsgInfoMembersAreNullAndFailValidation() {
        Envelope envelope = Examples.decodeOk(body("{\"msgInfo\":{\"versionNo\":\"1.0.0\",\"msgID\":12345678901234567890,"
                + "\"timeStamp\":\"20190808110216\",\"msgType\":\"CVM_INQUIRY\",\"insID\":\"39999999\"}}"));

        assertThat(envelope.msgInfo().msgID()).isNull();
        assertThat(EnvelopeCodec.validateMsgInfo(envelope.msgInfo()))
                .isEqualTo(new FieldError("msgInfo.msgID", "is missing"));
    }

    @Test
    void trxInfoThatIsNotAnObjectDecodesAsAbsent() {
        for (String trx : List.of("\"x\"", "[]", "null", "1", "true")) {
            Envelope envelope = Examples.decodeOk(body("{\"msgInfo\":" + msgInfo() + ",\"trxInfo\":" + trx + "}"));
            assertThat(envelope.trxInfo()).as(trx).isNull();
        }
    }

    @Test
    void msgResponseWithNonStringMembersKeepsNulls() {
        Envelope envelope = Examples.decodeOk(body("{\"msgInfo\":" + msgInfo()
                + ",\"msgResponse\":{\"responseCode\":0,\"responseMsg\":\"Approved\"}}"));

        assertThat(envelope.msgResponse()).isEqualTo(new MsgResponse(null, "Approved"));
    }

    @Test
    void whitespaceAroundTheObjectIsAllowed() {
        assertThat(codec.decode(body(" \r\n\t{\"msgInfo\":{}} \n"))).isInstanceOf(DecodeResult.Ok.class);
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        // body (1) > trxInfo (2) > 14 more levels = 16
        String deep = "[".repeat(14) + "]".repeat(14);
        TrxInfo trx = trxInfoOf("{\"a\":" + deep + "}");

        assertThat(trx.list("a")).hasSize(1);
    }

    @Test
    void decodeObjectReadsAStandaloneObject() {
        byte[] cvmInfo = ("{\"firstName\":\"chen\",\"lastName\":\"kai\",\"idType\":\"ID card\",\"idNo\":\"1234567890\","
                + "\"idCountry\":\"156\",\"accountNo\":\"100000001\"}").getBytes(UTF_8);

        TrxInfo object = codec.decodeObject(cvmInfo);

        assertThat(object.string("idType")).isEqualTo("ID card");
        assertThat(object.names()).hasSize(6);
    }

    @Test
    void decodeObjectReturnsNullForAnythingButOneObject() {
        for (String json : List.of("", "[]", "\"x\"", "{}{}", "{\"a\":1,\"a\":2}", "{", "null")) {
            assertThat(codec.decodeObject(json.getBytes(UTF_8))).as(json).isNull();
        }
        assertThat(codec.decodeObject(null)).isNull();
        assertThat(codec.decodeObject("{}".getBytes(UTF_8))).isEqualTo(TrxInfo.EMPTY);
    }

    @Test
    void decodedStructuresAreImmutable() {
        TrxInfo trx = Examples.decodeOk(Examples.bytes("cvm_inquiry_response")).trxInfo();

        assertThatThrownBy(() -> trx.asMap().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> trx.list("cvm").add("y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theInputArrayIsNotModified() {
        byte[] body = Examples.bytes("mpqrc_payment_emv_request");
        byte[] copy = body.clone();

        codec.decode(body);

        assertThat(Arrays.equals(body, copy)).isTrue();
    }

    static String msgInfo() {
        return "{\"versionNo\":\"1.0.0\",\"msgID\":\"A3999999920190808154804701987\",\"timeStamp\":\"20190808154804\","
                + "\"msgType\":\"CVM_INQUIRY\",\"insID\":\"39999999\"}";
    }

    static byte[] body(String json) {
        return json.getBytes(UTF_8);
    }

    private static TrxInfo trxInfoOf(String trxJson) {
        return Examples.decodeOk(body("{\"msgInfo\":" + msgInfo() + ",\"trxInfo\":" + trxJson + "}")).trxInfo();
    }
}
