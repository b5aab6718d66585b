package org.openscis.server.client;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.openscis.codec.envelope.TrxInfo;

/**
 * The {@code trxInfo} an acquirer sends (protocol.md §3.16-3.18): CPQRC_PAYMENT for a scanned consumer-presented
 * code, REFUND of an earlier payment. The retrieval reference, trace number and transmission time are made up per
 * request, as a terminal would number them.
 */
public final class AcquirerMessages {

    public static final String CPQRC_PAYMENT = "CPQRC_PAYMENT";
    public static final String REFUND = "REFUND";
    static final int RETRIEVAL_REF_DIGITS = 12;
    static final int TRACE_NUM_DIGITS = 6;
    private static final DateTimeFormatter TRANS_DATETIME = DateTimeFormatter.ofPattern("MMddHHmmss");

    /** The merchant as {@code merchantInfo} describes it. */
    public record Merchant(String acquirerIin, String fwdIin, String mid, String merchantName, String mcc,
            String merchantCountry, String termId) {

        TrxInfo trxInfo() {
            return TrxInfo.builder().put("acquirerIIN", acquirerIin).put("fwdIIN", fwdIin).put("mid", mid)
                    .put("merchantName", merchantName).put("mcc", mcc).put("merchantCountry", merchantCountry)
                    .put("termId", termId).build();
        }
    }

    private final Merchant merchant;
    private final Clock clock;

    public AcquirerMessages(Merchant merchant, Clock clock) {
        this.merchant = merchant;
        this.clock = clock;
    }

    /** CPQRC_PAYMENT of {@code amount} with a scanned EMV payload. */
    public TrxInfo payment(String emvPayload, String amount, String currency) {
        return terminalFields(TrxInfo.builder().put("emvCpqrcPayload", emvPayload).put("trxAmt", amount)
                .put("trxCurrency", currency).put("merchantInfo", merchant.trxInfo())).build();
    }

    /** REFUND of {@code amount} of the CPQRC_PAYMENT sent with {@code origMsgId}. */
    public TrxInfo refund(String origMsgId, String amount, String currency) {
        return terminalFields(TrxInfo.builder().put("origMsgID", origMsgId).put("trxAmt", amount)
                .put("trxCurrency", currency).put("merchantInfo", merchant.trxInfo())).build();
    }

    private TrxInfo.Builder terminalFields(TrxInfo.Builder b) {
        return b.put("retrivlRefNum", digits(RETRIEVAL_REF_DIGITS)).put("traceNum", digits(TRACE_NUM_DIGITS))
                .put("transDatetime", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(TRANS_DATETIME));
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        return b.toString();
    }
}
