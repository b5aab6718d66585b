package org.openscis.codec.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openscis.codec.ResponseCode;

class EnvelopeEncodeTest {

    private static final List<String> EXAMPLES = Examples.ALL;
    private static final MsgInfo MSG_INFO = new MsgInfo("1.0.0", "A3999999920190808154804701987", "20190808154804",
            "CVM_INQUIRY", "39999999");

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @ParameterizedTest
    @FieldSource("EXAMPLES")
    void reEncodingAnExampleGivesItsCompactFormInTheSameOrder(String name) {
        byte[] original = Examples.bytes(name);

        byte[] encoded = codec.encode(Examples.decodeOk(original));

        String expected = new String(Examples.minified(original), UTF_8).replace("\"DiscountDetails\"",
                "\"discountDetails\"");
        assertThat(new String(encoded, UTF_8)).isEqualTo(expected);
    }

    @ParameterizedTest
    @FieldSource("EXAMPLES")
    void decodingTheEncodingGivesTheSameEnvelope(String name) {
        Envelope envelope = Examples.decodeOk(Examples.bytes(name));

        assertThat(Examples.decodeOk(codec.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void blocksAreWrittenInOrderAndNullBlocksLeftOut() {
        TrxInfo trx = TrxInfo.builder().put("deviceID", "d1").build();

        assertThat(json(Envelope.response(MSG_INFO, trx, MsgResponse.of(ResponseCode.APPROVED)))).isEqualTo(
                "{\"msgInfo\":{\"versionNo\":\"1.0.0\",\"msgID\":\"A3999999920190808154804701987\","
                        + "\"timeStamp\":\"20190808154804\",\"msgType\":\"CVM_INQUIRY\",\"insID\":\"39999999\"},"
                        + "\"trxInfo\":{\"deviceID\":\"d1\"},"
                        + "\"msgResponse\":{\"responseCode\":\"00\",\"responseMsg\":\"Approved\"}}");
        assertThat(json(Envelope.request(MSG_INFO, null))).doesNotContain("trxInfo").doesNotContain("msgResponse");
        assertThat(json(Envelope.request(MSG_INFO, TrxInfo.EMPTY))).endsWith(",\"trxInfo\":{}}");
    }

    @Test
    void theBareErrorBodyHasOnlyMsgResponse() {
        Envelope error = new Envelope(null, null, MsgResponse.of(ResponseCode.FORMAT_ERROR, "msgInfo is missing"));

        assertThat(json(error))
                .isEqualTo("{\"msgResponse\":{\"responseCode\":\"30\",\"responseMsg\":\"msgInfo is missing\"}}");
    }

    @Test
    void nullMsgInfoFieldsAreLeftOut() {
        MsgInfo partial = new MsgInfo("1.0.0", null, "20190808154804", null, "39999999");

        assertThat(json(Envelope.request(partial, null)))
                .isEqualTo("{\"msgInfo\":{\"versionNo\":\"1.0.0\",\"timeStamp\":\"20190808154804\",\"insID\":\"39999999\"}}");
    }

    @Test
    void numbersAreWrittenAsSent() {
        byte[] body = ("{\"msgInfo\":{},\"trxInfo\":{\"a\":1.00,\"b\":100,\"c\":1E+5,\"d\":0.0000001,\"e\":-0.0}}")
                .getBytes(UTF_8);

        assertThat(json(Examples.decodeOk(body)))
                .isEqualTo("{\"msgInfo\":{},\"trxInfo\":{\"a\":1.00,\"b\":100,\"c\":1E+5,\"d\":1E-7,\"e\":0.0}}");
    }

    @Test
    void integralJavaNumbersAreWritten() {
        TrxInfo trx = TrxInfo.builder().put("i", 7).put("l", 8L).put("d", new BigDecimal("9.10")).build();

        assertThat(new String(codec.encodeObject(trx), UTF_8)).isEqualTo("{\"i\":7,\"l\":8,\"d\":9.10}");
    }

    @Test
    void valuesThatAreNotJsonAreAProgrammingError() {
        TrxInfo trx = TrxInfo.builder().put("f", 1.5d).build();

        assertThatThrownBy(() -> codec.encodeObject(trx)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }

    @Test
    void aFailedEncodeLeavesTheBufferAsItWas() {
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeBytes("prefix".getBytes(UTF_8));
            TrxInfo bad = TrxInfo.builder().put("ok", "x").put("f", 1.5f).build();

            assertThatThrownBy(() -> codec.encode(Envelope.request(MSG_INFO, bad), out))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(out.toString(UTF_8)).isEqualTo("prefix");
        } finally {
            out.release();
        }
    }

    @Test
    void encodingIntoABufferAppendsAtItsWriterIndex() {
        Envelope envelope = Examples.decodeOk(Examples.bytes("mpqrc_payment_emv_response"));
        ByteBuf out = Unpooled.buffer(4);
        try {
            out.writeByte('>');
            codec.encode(envelope, out);

            assertThat(out.readByte()).isEqualTo((byte) '>');
            byte[] rest = new byte[out.readableBytes()];
            out.readBytes(rest);
            assertThat(rest).isEqualTo(codec.encode(envelope));
        } finally {
            out.release();
        }
    }

    @Test
    void controlCharactersAndNonAsciiAreEscapedOrEncodedCorrectly() {
        TrxInfo trx = TrxInfo.builder().put("t", "a\"b\\c\u0001\u00e9\ud83d\ude00").build();

        byte[] encoded = codec.encodeObject(trx);

        assertThat(new String(encoded, UTF_8)).startsWith("{\"t\":\"a\\\"b\\\\c\\u0001");
        assertThat(codec.decodeObject(encoded)).isEqualTo(trx);
    }

    @Test
    void unpairedSurrogatesAreWrittenAsReplacementCharacters() {
        TrxInfo trx = TrxInfo.builder().put("t", "x\ud800y\udc00").put("k\ud800", "v").build();

        TrxInfo back = codec.decodeObject(codec.encodeObject(trx));

        assertThat(back.string("t")).isEqualTo("x\ufffdy\ufffd");
        assertThat(back.string("k\ufffd")).isEqualTo("v");
    }

    @Test
    void encodeObjectKeepsMemberOrderAndNesting() {
        TrxInfo inner = TrxInfo.builder().put("z", "1").put("a", "2").build();
        TrxInfo trx = TrxInfo.builder().put("b", inner).put("a", Arrays.asList("x", null, Boolean.TRUE))
                .putNull("n").build();

        assertThat(new String(codec.encodeObject(trx), UTF_8))
                .isEqualTo("{\"b\":{\"z\":\"1\",\"a\":\"2\"},\"a\":[\"x\",null,true],\"n\":null}");
        assertThat(new String(codec.encodeObject(null), UTF_8)).isEqualTo("{}");
    }

    private String json(Envelope envelope) {
        return new String(codec.encode(envelope), UTF_8);
    }
}
