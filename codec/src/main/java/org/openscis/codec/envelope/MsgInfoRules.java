package org.openscis.codec.envelope;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The field rules of {@code msgInfo} (protocol.md §2.2). Reasons name the field and the rule, never the value. */
final class MsgInfoRules {

    static final int VERSION_NO_CHARS = 5;
    static final int MSG_ID_MIN_CHARS = 17;
    static final int MSG_ID_MAX_CHARS = 49;
    static final int TIME_STAMP_CHARS = 14;
    static final int MSG_TYPE_MAX_CHARS = 50;
    static final int INS_ID_MAX_CHARS = 16;

    /** STRICT with {@code uuuu}: rejects 30 February and hour 24 instead of quietly rolling them over. */
    private static final DateTimeFormatter TIME_STAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private MsgInfoRules() {}

    static FieldError validate(MsgInfo msgInfo) {
        if (msgInfo == null) {
            return new FieldError("msgInfo", "is missing");
        }
        FieldError error = check("versionNo", msgInfo.versionNo(), VERSION_NO_CHARS, VERSION_NO_CHARS, CharClass.ANS);
        if (error == null) {
            error = check("msgID", msgInfo.msgID(), MSG_ID_MIN_CHARS, MSG_ID_MAX_CHARS, CharClass.AN);
        }
        if (error == null) {
            error = checkTimeStamp(msgInfo.timeStamp());
        }
        if (error == null) {
            error = check("msgType", msgInfo.msgType(), 1, MSG_TYPE_MAX_CHARS, CharClass.ANS);
        }
        if (error == null) {
            error = check("insID", msgInfo.insID(), 1, INS_ID_MAX_CHARS, CharClass.AN);
        }
        return error;
    }

    private static FieldError checkTimeStamp(String value) {
        FieldError error = check("timeStamp", value, TIME_STAMP_CHARS, TIME_STAMP_CHARS, CharClass.N);
        if (error != null) {
            return error;
        }
        try {
            LocalDateTime.parse(value, TIME_STAMP);
            return null;
        } catch (DateTimeParseException e) {
            return fail("timeStamp", "must be a real date and time in yyyyMMddHHmmss");
        }
    }

    private static FieldError check(String field, String value, int min, int max, CharClass cls) {
        if (value == null) {
            return fail(field, "is missing");
        }
        if (value.length() < min || value.length() > max) {
            return fail(field, min == max ? "must be " + min + " characters" : "must be " + min + " to " + max
                    + " characters");
        }
        if (!cls.accepts(value)) {
            return fail(field, switch (cls) {
                case N -> "must be digits";
                case AN -> "must be letters and digits";
                case ANS -> "must be printable ASCII";
                case S -> "must be text without control characters";
            });
        }
        return null;
    }

    private static FieldError fail(String field, String reason) {
        return new FieldError("msgInfo." + field, reason);
    }
}
