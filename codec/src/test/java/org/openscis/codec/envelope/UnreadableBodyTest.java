package org.openscis.codec.envelope;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnreadableBodyTest {

    private static final String MSG_INFO = EnvelopeDecodeTest.msgInfo();

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not JSON            | hello                               | malformed JSON",
        "array               | [1,2]                               | body must be a JSON object",
        "string              | \"x\"                               | body must be a JSON object",
        "number              | 42                                  | body must be a JSON object",
        "null                | null                                | body must be a JSON object",
        "no msgInfo          | {\"trxInfo\":{}}                    | msgInfo is missing",
        "msgInfo null        | {\"msgInfo\":null}                  | msgInfo must be an object",
        "msgInfo array       | {\"msgInfo\":[]}                    | msgInfo must be an object",
        "msgInfo string      | {\"msgInfo\":\"1.0.0\"}             | msgInfo must be an object",
        "truncated           | {\"msgInfo\":{                      | malformed JSON",
        "unclosed string     | {\"msgInfo\":{\"a                   | malformed JSON",
        "trailing garbage    | {\"msgInfo\":{}}x                   | malformed JSON",
        "second object       | {\"msgInfo\":{}}{}                  | content after the JSON object",
        "second value        | {\"msgInfo\":{}} 1                  | content after the JSON object",
        "top duplicate       | {\"msgInfo\":{},\"msgInfo\":{}}     | duplicate member \"msgInfo\"",
        "msgInfo duplicate   | {\"msgInfo\":{\"msgID\":\"a\",\"msgID\":\"b\"}} | duplicate member \"msgID\"",
        "nested duplicate    | {\"msgInfo\":{},\"trxInfo\":{\"m\":{\"a\":1,\"a\":1}}} | duplicate member \"a\"",
        "in array duplicate  | {\"msgInfo\":{},\"x\":[{\"a\":1,\"a\":null}]} | duplicate member \"a\"",
        "alias duplicate     | {\"msgInfo\":{},\"trxInfo\":{\"discountDetails\":[],\"DiscountDetails\":[]}} | duplicate member \"discountDetails\"",
        "comment             | {\"msgInfo\":{}/*x*/}               | malformed JSON",
        "single quotes       | {'msgInfo':{}}                      | malformed JSON",
        "unquoted name       | {msgInfo:{}}                        | malformed JSON",
        "trailing comma      | {\"msgInfo\":{},}                   | malformed JSON",
        "NaN                 | {\"msgInfo\":{},\"a\":NaN}          | malformed JSON",
        "leading zero        | {\"msgInfo\":{},\"a\":01}           | malformed JSON",
        "lone surrogate      | {\"msgInfo\":{\"msgID\":\"\\ud800\"}} | string with an unpaired surrogate escape",
        "lone surrogate name | {\"msgInfo\":{},\"\\udc00\":1}      | string with an unpaired surrogate escape",
        "huge exponent       | {\"msgInfo\":{},\"a\":1e-2147483649} | malformed JSON",
    })
    void unreadable(String what, String body, String reason) {
        assertThat(unreadableReason(body.getBytes(UTF_8))).startsWith(reason);
    }

    @Test
    void emptyBodies() {
        assertThat(unreadableReason(new byte[0])).isEqualTo("body is empty");
        assertThat(codec.decode((byte[]) null)).isEqualTo(new DecodeResult.Unreadable("body is empty"));
        assertThat(unreadableReason("   ".getBytes(UTF_8))).isEqualTo("body must be a JSON object");
    }

    @Test
    void byteOrderMarkIsRefused() {
        byte[] body = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, validBody(UTF_8));

        assertThat(unreadableReason(body)).isEqualTo("byte order mark is not allowed");
    }

    @Test
    void utf16AndUtf32AreRefused() {
        assertThat(unreadableReason(validBody(UTF_16BE))).isEqualTo("body is not UTF-8");
        assertThat(unreadableReason(validBody(UTF_16LE))).isEqualTo("body is not UTF-8");
        assertThat(unreadableReason(validBody(Charset.forName("UTF-32LE")))).isEqualTo("body is not UTF-8");
        byte[] utf16WithBom = concat(new byte[] {(byte) 0xfe, (byte) 0xff}, validBody(UTF_16BE));
        assertThat(unreadableReason(utf16WithBom)).isEqualTo("body is not UTF-8");
        byte[] utf8WithUtf16Bom = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, validBody(UTF_8));
        assertThat(unreadableReason(utf8WithUtf16Bom)).isEqualTo("body is not valid UTF-8");
    }

    @Test
    void invalidUtf8InsideAStringIsRefused() {
        byte[][] invalid = {
            {(byte) 0xc0, (byte) 0x80},              // overlong NUL
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // encoded surrogate
            {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
            {(byte) 0xff},
            {(byte) 0xc3},                           // truncated sequence
            {(byte) 0xe9},                           // ISO-8859-1 'é'
        };
        for (byte[] bad : invalid) {
            byte[] body = concat(("{\"msgInfo\":{\"msgType\":\"").getBytes(UTF_8), bad, "\"}}".getBytes(UTF_8));
            assertThat(unreadableReason(body)).isEqualTo("body is not valid UTF-8");
        }
    }

    @Test
    void rawControlCharacterInAStringIsRefused() {
        assertThat(unreadableReason("{\"msgInfo\":{\"msgType\":\"a\u0001b\"}}".getBytes(UTF_8)))
                .startsWith("malformed JSON");
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String tooDeep = "{\"msgInfo\":{},\"trxInfo\":{\"a\":" + "[".repeat(15) + "]".repeat(15) + "}}";

        assertThat(unreadableReason(tooDeep.getBytes(UTF_8))).isEqualTo("JSON nested deeper than 16 levels");
    }

    @Test
    void veryDeepNestingIsRefusedWithoutStackOverflow() {
        String hostile = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThat(unreadableReason(hostile.getBytes(UTF_8))).isEqualTo("JSON nested deeper than 16 levels");
    }

    @Test
    void tooManyMembersAreRefused() {
        StringBuilder sb = new StringBuilder("{\"msgInfo\":{},\"trxInfo\":{");
        // msgInfo and trxInfo are two members; 1,999 more make 2,001.
        for (int i = 0; i < 1_999; i++) {
            sb.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":0");
        }
        String body = sb.append("}}").toString();

        assertThat(unreadableReason(body.getBytes(UTF_8))).isEqualTo("JSON has more than 2000 members");
        String atLimit = body.replace(",\"m1998\":0", "");
        assertThat(codec.decode(atLimit.getBytes(UTF_8))).isInstanceOf(DecodeResult.Ok.class);
    }

    @Test
    void arrayElementsCountAsMembers() {
        String body = "{\"msgInfo\":{},\"a\":[" + "0,".repeat(1_998) + "0]}";

        assertThat(unreadableReason(body.getBytes(UTF_8))).isEqualTo("JSON has more than 2000 members");
    }

    @Test
    void reasonsNeverQuoteTheInput() {
        String pan = "6292610358444335641";
        for (String body : new String[] {
            pan, "{\"msgInfo\":{\"pan\":\"" + pan + "\"}" + pan, "{\"msgInfo\":{}," + pan + "}",
            "{\"msgInfo\":{},\"" + pan + "\":1,\"" + pan + "\":2}", "{\"msgInfo\":{\"a\":\"" + pan + "\u0001\"}}",
        }) {
            assertThat(unreadableReason(body.getBytes(UTF_8))).doesNotContain(pan).doesNotContain("62926103");
        }
    }

    @Test
    void malformedReasonsGiveTheByteOffset() {
        assertThat(unreadableReason("{\"msgInfo\":{}} x".getBytes(UTF_8))).matches("malformed JSON at byte 1[56]");
    }

    private String unreadableReason(byte[] body) {
        DecodeResult result = codec.decode(body);
        assertThat(result).isInstanceOf(DecodeResult.Unreadable.class);
        return ((DecodeResult.Unreadable) result).reason();
    }

    private static byte[] validBody(Charset charset) {
        return ("{\"msgInfo\":" + MSG_INFO + "}").getBytes(charset);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
