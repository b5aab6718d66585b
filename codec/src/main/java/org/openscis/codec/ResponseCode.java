package org.openscis.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every SCIS response code (product page list) with its standard message. Business outcomes are these values. */
public enum ResponseCode {
    APPROVED("00", "Approved"),
    REFER_TO_ISSUER("01", "Please refer to the card issuer"),
    QRC_DUPLICATED_OR_EXPIRED("02", "duplicated QRC transaction and expired QRC"),
    INVALID_MERCHANT("03", "Invalid merchant"),
    PENDING("04", "Pending. Transaction result is unknown. Please check later."),
    CARDHOLDER_VERIFICATION_FAILED("05", "Cardholder verification fails."),
    TSP_ERROR("08", "TSP error"),
    INVALID_TRANSACTION("12", "Invalid transaction"),
    INVALID_AMOUNT("13", "Invalid amount"),
    INVALID_CARD_NUMBER("14", "Invalid card number"),
    NO_SUCH_ISSUER("15", "No such issuer"),
    CARD_STATUS_ERROR("21", "Card status error"),
    ORIGINAL_NOT_FOUND("25", "Unable to locate the original transaction"),
    FORMAT_ERROR("30", "Message format error"),
    OTP_MAX_TRIES("32", "Exceed OTP max tries"),
    FRAUD_CARD("34", "Fraud card"),
    NOT_SUPPORTED("40", "The transaction is not supported by the issuer."),
    LOST_CARD("41", "Lost card"),
    STOLEN_CARD("43", "Stolen card"),
    INSUFFICIENT_BALANCE("51", "Insufficient balance"),
    EXPIRED_CARD("54", "Expired card."),
    INVALID_DEVICE("55", "Invalid device id"),
    NOT_PERMITTED("57", "Transaction not permitted to cardholder"),
    EXCEEDS_LIMIT("61", "Exceeds approval amount limit"),
    RESTRICTED("62", "Restricted transaction"),
    ISSUER_VALIDATION_ERROR("70", "Validation error from issuer"),
    ISSUER_DECLINED("71", "Issuer declined"),
    ISSUER_MAC_FAILED("72", "Issuer verify mac failed"),
    ENROLLMENT_NOT_FOUND("73", "Enrollment not found"),
    OTP_EXPIRED("74", "OTP expired"),
    INVALID_OTP("75", "Invalid OTP"),
    OTP_NOT_FOUND("76", "OTP not found"),
    IDV_NOT_SET("77", "IDV not set"),
    DUPLICATE_REQUEST("78", "Duplicate request"),
    ALREADY_PROVISIONED("88", "Card already provisioned"),
    CARD_PROFILE_NOT_FOUND("89", "Card profile not found"),
    CUT_OFF("90", "The system is in cut-off."),
    ISSUER_SYSTEM_ERROR("91", "Issuer system error"),
    NETWORK_ERROR("92", "Network error"),
    INVALID_ENROLL_STATE("93", "Invalid enroll state"),
    DUPLICATED_TRANSACTION("94", "Duplicated transaction"),
    ENROLMENT_TIMED_OUT("95", "Enrolment timed out"),
    SYSTEM_ERROR("96", "UnionPay system error"),
    TIMEOUT("98", "Timeout"),
    OTHER_ERROR("99", "Other error"),
    SIGNATURE_FAILURE("A0", "Signature verification fails.");

    private static final Map<String, ResponseCode> BY_CODE = new HashMap<>();

    static {
        for (ResponseCode c : values()) {
            BY_CODE.put(c.code, c);
        }
    }

    private final String code;
    private final String message;

    ResponseCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The two-character wire code, e.g. {@code "00"}. */
    public String code() {
        return code;
    }

    /** The standard description used as {@code responseMsg} unless a handler gives a more precise reason. */
    public String message() {
        return message;
    }

    public boolean approved() {
        return this == APPROVED;
    }

    public static Optional<ResponseCode> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
