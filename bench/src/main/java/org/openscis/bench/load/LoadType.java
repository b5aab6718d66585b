package org.openscis.bench.load;

import java.util.Locale;
import java.util.Optional;

/**
 * The message types the load generator can send: what each needs from the warm-up (an enrolled token) and whether
 * it reaches the issuer's CBS or moves money (the switch then writes a transaction and a callback). What the
 * switch's cryptography costs per type is {@link CryptoCeiling}'s business.
 */
public enum LoadType {
    CARD_STATUS_INQUIRY(true, false, false),
    CARD_BALANCE_INQUIRY(true, true, false),
    CARD_ENROLLMENT(false, true, false),
    CVM_INQUIRY(false, false, false),
    BILL_PAYMENT(true, true, true),
    P2P_TRANSFER(true, true, true),
    CREDIT_TRANSACTION(true, true, true),
    GET_CASH_OUT_TOKEN(true, true, true),
    /** Pays a merchant-presented EMV QR ({@link MerchantQrCode}): one request, like BILL_PAYMENT. */
    MPQRC_PAYMENT_EMV(true, true, true),
    /**
     * One operation of two requests ({@link CpqrcFlow}): QRC_GENERATION of one consumer-presented code by the App
     * Gateway, then CPQRC_PAYMENT of the scanned code by the acquirer, at or below the code's CVM limit.
     */
    CPQRC_PAYMENT(true, true, true),
    /**
     * As CPQRC_PAYMENT above the CVM limit: the switch holds the acquirer's request, asks the App Gateway
     * (ADDITIONAL_PROCESSING) and goes on when the generator's callback listener confirms
     * (ADDITIONAL_PROCESSING_RESULT CONTINUING).
     */
    CPQRC_PAYMENT_CVM(true, true, true);

    private final boolean needsToken;
    private final boolean callsCbs;
    private final boolean movesMoney;

    LoadType(boolean needsToken, boolean callsCbs, boolean movesMoney) {
        this.needsToken = needsToken;
        this.callsCbs = callsCbs;
        this.movesMoney = movesMoney;
    }

    /** Whether requests of this type name a token created in the warm-up phase. */
    public boolean needsToken() {
        return needsToken;
    }

    /** Whether the switch calls the issuer's CBS for every request of this type. */
    public boolean callsCbs() {
        return callsCbs;
    }

    /**
     * Whether a request moves money (or holds it): a durable transaction on the switch and one CBS movement; an
     * approved P2P_TRANSFER also notifies payer and payee (TRX_RESULT_NOTIFICATION), the others only a final state
     * reached after a 04.
     */
    public boolean movesMoney() {
        return movesMoney;
    }

    /** Whether an operation is QRC_GENERATION then an acquirer's CPQRC_PAYMENT rather than one request. */
    public boolean consumerPresented() {
        return this == CPQRC_PAYMENT || this == CPQRC_PAYMENT_CVM;
    }

    /** The type with that wire name, in any letter case; empty for anything else. */
    public static Optional<LoadType> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (LoadType t : values()) {
            if (t.name().equals(upper)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
