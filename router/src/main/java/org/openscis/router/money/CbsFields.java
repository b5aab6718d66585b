package org.openscis.router.money;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.TokenRecord;

/** Fields several CBS requests share (protocol.md §3.25, issue-3 CBS contract). */
public final class CbsFields {

    /** The trace number is the STAN: the last 6 digits of the CBS msgID. */
    public static final int TRACE_NUM_DIGITS = 6;

    private static final DateTimeFormatter TRANS_DATETIME = DateTimeFormatter.ofPattern("MMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private CbsFields() {}

    /** {@code debitAccountInfo} / {@code creditAccountInfo} of the card: plain here, the CBS link encrypts it. */
    public static TrxInfo accountInfo(TokenRecord token, CardRecord card) {
        return TrxInfo.builder()
                .put("token", token.token())
                .put("pan", card.pan())
                .put("accountNo", card.accountNo())
                .build();
    }

    /** {@code merchantInfo} from the configured merchant, not from what the requester sent. */
    public static TrxInfo merchantInfo(Merchant merchant) {
        return TrxInfo.builder()
                .put("mid", merchant.mid())
                .put("merchantName", merchant.name())
                .put("mcc", merchant.mcc())
                .put("merchantCountry", merchant.country())
                .build();
    }

    public static String traceNum(String cbsMsgId) {
        return cbsMsgId.substring(cbsMsgId.length() - TRACE_NUM_DIGITS);
    }

    /** {@code MMDDhhmmss} in UTC. */
    public static String transDatetime(Instant at) {
        return TRANS_DATETIME.format(at);
    }

    /** {@code yyyyMMddHHmmss} in UTC. */
    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }
}
