package org.openscis.router;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every message type OpenSCIS knows, with the path it arrives on (decisions.md §1, protocol.md §1.3) and its
 * direction. Types the switch sends (callbacks, CBS calls) have no inbound path.
 */
public enum MessageType {
    CVM_INQUIRY("/scis/switch/cvminquiry", Direction.FROM_APP_GATEWAY),
    KYC_VERIFICATION("/scis/switch/kycverify", Direction.FROM_APP_GATEWAY),
    OPEN_ACCOUNT("/scis/switch/openaccount", Direction.FROM_APP_GATEWAY),
    CARD_ENROLLMENT("/scis/switch/cardenrollment", Direction.FROM_APP_GATEWAY),
    CARDFACE_DOWNLOADING("/scis/switch/cardfacedownloading", Direction.FROM_APP_GATEWAY),
    ACCOUNT_UPDATE_NOTIFICATION("/scis/switch/account_update_notification", Direction.FROM_APP_GATEWAY),
    CARD_STATUS_MANAGEMENT("/scis/switch/cardstatusmgt", Direction.FROM_APP_GATEWAY),
    CARD_STATUS_NOTIFICATION(null, Direction.TO_APP_GATEWAY),
    CARD_STATUS_INQUIRY("/scis/switch/cardstatusinquiry", Direction.FROM_APP_GATEWAY),
    CARD_BALANCE_INQUIRY("/scis/switch/cardbalanceinquiry", Direction.FROM_APP_GATEWAY),
    EXCHANGE_RATE_INQUIRY("/scis/switch/exchangerateinquiry", Direction.FROM_APP_GATEWAY),
    P2P_TRANSFER("/scis/switch/p2ptransfer", Direction.FROM_APP_GATEWAY),
    QRC_GENERATION("/scis/switch/qrcgeneration", Direction.FROM_APP_GATEWAY),
    ADDITIONAL_PROCESSING(null, Direction.TO_APP_GATEWAY),
    ADDITIONAL_PROCESSING_RESULT("/scis/switch/additionalprocessingresult", Direction.FROM_APP_GATEWAY),
    TRX_RESULT_NOTIFICATION(null, Direction.TO_APP_GATEWAY),
    GET_CASH_OUT_TOKEN("/scis/switch/cashouttoken", Direction.FROM_APP_GATEWAY),
    QRC_INFO_INQUIRY("/scis/switch/qrcinfoinquiry", Direction.FROM_APP_GATEWAY),
    MPQRC_PAYMENT_EMV("/scis/switch/qremvpayment", Direction.FROM_APP_GATEWAY),
    MPQRC_PAYMENT_URL("/scis/switch/qrurlpayment", Direction.FROM_APP_GATEWAY),
    BILL_PAYMENT("/scis/switch/billpayment", Direction.FROM_APP_GATEWAY),
    CREDIT_TRANSACTION("/scis/switch/credittransaction", Direction.FROM_APP_GATEWAY),
    TRX_RESULT_INQUIRY("/scis/switch/trxresultinquiry", Direction.FROM_APP_GATEWAY),
    KEY_EXCHANGE("/uags/api/v1/exchange", Direction.FROM_APP_GATEWAY),
    CPQRC_PAYMENT("/scis/acquirer/cpqrcpayment", Direction.FROM_ACQUIRER),
    REFUND("/scis/acquirer/refund", Direction.FROM_ACQUIRER),
    CANCELLATION("/scis/acquirer/cancellation", Direction.FROM_ACQUIRER);

    /** Who sends a message of this type to whom. */
    public enum Direction { FROM_APP_GATEWAY, FROM_ACQUIRER, TO_APP_GATEWAY }

    private static final Map<String, MessageType> BY_PATH = new HashMap<>();
    private static final Map<String, MessageType> BY_NAME = new HashMap<>();

    static {
        for (MessageType t : values()) {
            BY_NAME.put(t.name(), t);
            if (t.path != null) {
                BY_PATH.put(t.path, t);
            }
        }
    }

    private final String path;
    private final Direction direction;

    MessageType(String path, Direction direction) {
        this.path = path;
        this.direction = direction;
    }

    /** The inbound path, or null for types only the switch sends. */
    public String path() {
        return path;
    }

    public Direction direction() {
        return direction;
    }

    public boolean inbound() {
        return path != null;
    }

    public static Optional<MessageType> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    public static Optional<MessageType> byWireName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }
}
