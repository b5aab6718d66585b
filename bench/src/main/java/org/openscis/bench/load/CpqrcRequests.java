package org.openscis.bench.load;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.openscis.codec.envelope.TrxInfo;

/**
 * The requests of one consumer-presented operation (protocol.md §3.13-3.15): the wallet's QRC_GENERATION of one
 * code, the acquirer's CPQRC_PAYMENT of the scanned code (the EMV payload and the barcode alternate) and, above the
 * CVM limit, the wallet's ADDITIONAL_PROCESSING_RESULT {@code CONTINUING}.
 *
 * <p>The limits are small on purpose: the amounts below the CVM limit are {@link Workload#amount()} (at most
 * {@value #CVM_LIMIT}), those above it at most {@value #MAX_CVM_AMOUNT}, so a long series of runs does not drain the
 * seeded accounts; the switch's work does not depend on the size of the amount.
 */
final class CpqrcRequests {

    static final String TRX_LIMIT = "5.00";
    static final String CVM_LIMIT = "0.50";
    static final String MAX_CVM_AMOUNT = "1.00";
    static final int CVM_LIMIT_MINOR = 50;
    static final int MAX_CVM_AMOUNT_MINOR = 100;
    static final String CONTINUING = "CONTINUING";
    static final String MID = "500034470110002";
    static final String MERCHANT_NAME = "Bench CPQRC Merchant";
    static final String MCC = "5411";
    static final String MERCHANT_COUNTRY = "344";
    static final String TERM_ID = "BENCH002";
    private static final int RRN_DIGITS = 12;
    private static final int TRACE_DIGITS = 6;
    private static final DateTimeFormatter TRANS_DATETIME = DateTimeFormatter.ofPattern("MMddHHmmss");

    /** A scanned code: exactly one of the two is set. */
    record Scanned(String emv, String barcode) {

        /** How ADDITIONAL_PROCESSING and its result name the code: a one-element array. */
        String key() {
            return emv != null ? emv : barcode;
        }

        @Override
        public String toString() {
            return emv != null ? "Scanned[emv]" : "Scanned[barcode]";
        }
    }

    private final String acquirerIin;
    private final String fwdIin;
    private final String currency;
    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000));

    CpqrcRequests(String acquirerIin, String fwdIin, String currency) {
        this.acquirerIin = acquirerIin;
        this.fwdIin = fwdIin;
        this.currency = currency;
    }

    /** QRC_GENERATION of one code for the warm-up token {@code t}. */
    TrxInfo generation(TokenPool.Enrolled t) {
        return TrxInfo.builder().put("deviceID", t.deviceId()).put("userID", t.userId()).put("token", t.token())
                .put("trxLimit", TRX_LIMIT).put("cvmLimit", CVM_LIMIT).put("limitCurrency", currency)
                .put("cpqrcNo", "01").build();
    }

    /** The code a QRC_GENERATION response carries, as the acquirer scans it: the barcode if {@code barcode}. */
    static Optional<Scanned> scanned(TrxInfo response, boolean barcode) {
        String name = barcode ? "barcodeCpqrcPayload" : "emvCpqrcPayload";
        List<Object> codes = response.list(name);
        if (codes == null || codes.isEmpty() || !(codes.get(0) instanceof String code) || code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(barcode ? new Scanned(null, code) : new Scanned(code, null));
    }

    /** An amount for {@code type}: at most the CVM limit for CPQRC_PAYMENT, above it for CPQRC_PAYMENT_CVM. */
    static String amount(LoadType type) {
        if (type == LoadType.CPQRC_PAYMENT_CVM) {
            return Workload.amount(ThreadLocalRandom.current().nextInt(CVM_LIMIT_MINOR + 1,
                    MAX_CVM_AMOUNT_MINOR + 1));
        }
        return Workload.amount();
    }

    /** The acquirer's CPQRC_PAYMENT of {@code code}, with a fresh retrieval reference and trace number. */
    TrxInfo payment(Scanned code, String amount) {
        long n = sequence.incrementAndGet();
        return TrxInfo.builder()
                .put("emvCpqrcPayload", code.emv())
                .put("barcodeCpqrcPayload", code.barcode())
                .put("trxAmt", amount)
                .put("trxCurrency", currency)
                .put("merchantInfo", TrxInfo.builder()
                        .put("acquirerIIN", acquirerIin)
                        .put("fwdIIN", fwdIin)
                        .put("mid", MID)
                        .put("merchantName", MERCHANT_NAME)
                        .put("mcc", MCC)
                        .put("merchantCountry", MERCHANT_COUNTRY)
                        .put("termId", TERM_ID)
                        .build())
                .put("retrivlRefNum", digits(n, RRN_DIGITS))
                .put("traceNum", digits(n, TRACE_DIGITS))
                .put("transDatetime", LocalDateTime.now(ZoneOffset.UTC).format(TRANS_DATETIME))
                .build();
    }

    /** The wallet's ADDITIONAL_PROCESSING_RESULT confirming the payment of {@code code} by {@code t}. */
    static TrxInfo continuing(TokenPool.Enrolled t, Scanned code) {
        return TrxInfo.builder().put("deviceID", t.deviceId()).put("userID", t.userId()).put("token", t.token())
                .put(code.emv() != null ? "emvCpqrcPayload" : "barcodeCpqrcPayload", List.of(code.key()))
                .put("paymentStatus", CONTINUING).build();
    }

    /** The last {@code width} decimal digits of {@code n}, zero-padded. */
    static String digits(long n, int width) {
        long mod = 1;
        for (int i = 0; i < width; i++) {
            mod *= 10;
        }
        String s = Long.toString(Math.floorMod(n, mod));
        return "0".repeat(width - s.length()) + s;
    }
}
