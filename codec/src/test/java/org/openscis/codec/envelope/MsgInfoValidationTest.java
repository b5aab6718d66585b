package org.openscis.codec.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MsgInfoValidationTest {

    private static final MsgInfo VALID = new MsgInfo("1.0.0", "A3999999920190808110216974867", "20190808110216",
            "MPQRC_PAYMENT_EMV", "39999999");

    @Test
    void aRealMsgInfoIsValid() {
        assertThat(EnvelopeCodec.validateMsgInfo(VALID)).isNull();
    }

    @Test
    void missingMsgInfo() {
        assertThat(EnvelopeCodec.validateMsgInfo(null)).isEqualTo(new FieldError("msgInfo", "is missing"));
    }

    @Test
    void lengthBoundsAreInclusive() {
        assertThat(EnvelopeCodec.validateMsgInfo(withMsgID("A".repeat(17)))).isNull();
        assertThat(EnvelopeCodec.validateMsgInfo(withMsgID("A".repeat(49)))).isNull();
        assertThat(EnvelopeCodec.validateMsgInfo(new MsgInfo("1.0.0", VALID.msgID(), VALID.timeStamp(), "X", "3")))
                .isNull();
        assertThat(EnvelopeCodec.validateMsgInfo(new MsgInfo("1.0.0", VALID.msgID(), VALID.timeStamp(),
                "M".repeat(50), "3".repeat(16)))).isNull();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "versionNo | 1.0    | must be 5 characters",
        "versionNo | 1.0.00 | must be 5 characters",
        "versionNo | 1.0.\u00e9 | must be printable ASCII",
        "msgID     | A399999992019080 | must be 17 to 49 characters",
        "msgID     | A39999999201908081102169748670000000000000000000000 | must be 17 to 49 characters",
        "msgID     | A39999999-20190808110216 | must be letters and digits",
        "timeStamp | 2019080811021  | must be 14 characters",
        "timeStamp | 201908081102160 | must be 14 characters",
        "timeStamp | 2019080811021a | must be digits",
        "timeStamp | 20190230110216 | must be a real date and time in yyyyMMddHHmmss",
        "timeStamp | 20191301110216 | must be a real date and time in yyyyMMddHHmmss",
        "timeStamp | 20190808240000 | must be a real date and time in yyyyMMddHHmmss",
        "timeStamp | 20190808116000 | must be a real date and time in yyyyMMddHHmmss",
        "timeStamp | 20190808110260 | must be a real date and time in yyyyMMddHHmmss",
        "timeStamp | 20190229000000 | must be a real date and time in yyyyMMddHHmmss",
        "timeStamp | 20190800110216 | must be a real date and time in yyyyMMddHHmmss",
        "msgType   | ''     | must be 1 to 50 characters",
        "msgType   | CVM\u0009INQUIRY | must be printable ASCII",
        "insID     | ''     | must be 1 to 16 characters",
        "insID     | 39999999399999991 | must be 1 to 16 characters",
        "insID     | 3999 9999 | must be letters and digits",
    })
    void invalidField(String field, String value, String reason) {
        String v = value;
        MsgInfo msgInfo = switch (field) {
            case "versionNo" -> new MsgInfo(v, VALID.msgID(), VALID.timeStamp(), VALID.msgType(), VALID.insID());
            case "msgID" -> withMsgID(v);
            case "timeStamp" -> new MsgInfo(VALID.versionNo(), VALID.msgID(), v, VALID.msgType(), VALID.insID());
            case "msgType" -> new MsgInfo(VALID.versionNo(), VALID.msgID(), VALID.timeStamp(), v, VALID.insID());
            case "insID" -> new MsgInfo(VALID.versionNo(), VALID.msgID(), VALID.timeStamp(), VALID.msgType(), v);
            default -> throw new IllegalArgumentException(field);
        };

        assertThat(EnvelopeCodec.validateMsgInfo(msgInfo)).isEqualTo(new FieldError("msgInfo." + field, reason));
    }

    @Test
    void leapDayAndEndOfDayAreValid() {
        assertThat(EnvelopeCodec.validateMsgInfo(withTimeStamp("20200229235959"))).isNull();
        assertThat(EnvelopeCodec.validateMsgInfo(withTimeStamp("20191231000000"))).isNull();
    }

    @Test
    void eachMissingFieldIsReportedInOrder() {
        assertThat(EnvelopeCodec.validateMsgInfo(new MsgInfo(null, null, null, null, null)))
                .isEqualTo(new FieldError("msgInfo.versionNo", "is missing"));
        assertThat(EnvelopeCodec.validateMsgInfo(new MsgInfo("1.0.0", null, null, null, null)).field())
                .isEqualTo("msgInfo.msgID");
        assertThat(EnvelopeCodec.validateMsgInfo(new MsgInfo("1.0.0", VALID.msgID(), null, null, null)).field())
                .isEqualTo("msgInfo.timeStamp");
        assertThat(EnvelopeCodec.validateMsgInfo(new MsgInfo("1.0.0", VALID.msgID(), VALID.timeStamp(), null, null))
                .field()).isEqualTo("msgInfo.msgType");
        assertThat(EnvelopeCodec.validateMsgInfo(
                new MsgInfo("1.0.0", VALID.msgID(), VALID.timeStamp(), "T", null)).field()).isEqualTo("msgInfo.insID");
    }

    @Test
    void reasonsNeverContainTheValue() {
        String secret = "6292610358444335641";
        FieldError error = EnvelopeCodec.validateMsgInfo(withMsgID(secret + "-"));

        assertThat(error.toString()).doesNotContain(secret);
    }

    private static MsgInfo withMsgID(String msgID) {
        return new MsgInfo(VALID.versionNo(), msgID, VALID.timeStamp(), VALID.msgType(), VALID.insID());
    }

    private static MsgInfo withTimeStamp(String timeStamp) {
        return new MsgInfo(VALID.versionNo(), VALID.msgID(), timeStamp, VALID.msgType(), VALID.insID());
    }
}
