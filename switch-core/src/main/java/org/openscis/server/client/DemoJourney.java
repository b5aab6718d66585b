package org.openscis.server.client;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.openscis.server.client.qr.MerchantQr;

/**
 * {@code openscis demo}: the whole App Gateway journey against a running switch, one message after another, each
 * step's response code in a table: CVM inquiry → KYC → open account → balance → bill payment → credit → P2P →
 * cash-out token → result inquiry → merchant QR payments (an EMV code built here, the shipped fixed-amount URL code
 * after its inquiry) → two consumer-presented codes (QRC_GENERATION) paid by the demo acquirer (CPQRC_PAYMENT
 * below the CVM limit; above it, the callback receiver approves ADDITIONAL_PROCESSING and the wallet confirms with
 * ADDITIONAL_PROCESSING_RESULT while the acquirer's payment waits) → a partial REFUND of the second → exchange
 * rate → balance again, then the callbacks that arrived. Later steps use what earlier ones returned (the KYC
 * reference, the new token, the bill payment's msgID, the URL code's inquiry, the generated codes).
 */
public final class DemoJourney {

    /** How long the demo waits for the callbacks its transfers cause. */
    public static final Duration CALLBACK_WAIT = Duration.ofSeconds(5);
    private static final long STEP_TIMEOUT_SECONDS = 30;
    /** While waiting for a callback, how often the demo looks whether the held request was answered meanwhile. */
    private static final Duration ANSWER_CHECK_INTERVAL = Duration.ofMillis(100);
    /** A seeded account of the embedded CBS (README), the P2P payee. */
    public static final String PAYEE_ACCOUNT = "100000000001";
    /** The fixed-amount code of the shipped QR host file (conf/qr-host.json): 25.00 in the demo's currency. */
    public static final String DEMO_URL_QR = "https://qr.95516.com/00010000/62000000000000000000000001";
    static final String QR_ACQUIRER_IIN = "25000344";
    static final String QR_FORWARDING_IIN = "00020344";
    static final String QR_MID = "500034470110001";
    /** Limits of the demo's consumer-presented codes and the amounts paid with them (below, above the CVM limit). */
    static final String CPQRC_TRX_LIMIT = "100.00";
    static final String CPQRC_CVM_LIMIT = "20.00";
    static final String CPQRC_SMALL_AMOUNT = "8.00";
    static final String CPQRC_LARGE_AMOUNT = "25.00";
    static final String CPQRC_REFUND_AMOUNT = "5.00";
    /** The merchant where the demo acquirer's terminal stands. */
    static final String CPQRC_MID = "OPENSCISDEMO001";
    static final String CPQRC_FWD_IIN = "00010344";

    private final AppGatewayClient client;
    private final AppGatewayClient acquirer;
    private final CallbackReceiver receiver;
    private final PrintStream out;
    private final List<Row> rows = new ArrayList<>();
    /** Approved CPQRC payments of {@link #cpqrcToken}: each gets a TRX_RESULT_NOTIFICATION the table waits for. */
    private int cpqrcPaymentsApproved;
    private String cpqrcToken;
    private final String deviceId;
    private final String userId;
    private final String currency;

    /**
     * @param receiver where callbacks arrive (null: not listening, callbacks are not shown)
     * @param currency the demo product's currency (ISO 4217 numeric)
     */
    public DemoJourney(AppGatewayClient client, CallbackReceiver receiver, PrintStream out, String currency) {
        this(client, null, receiver, out, currency);
    }

    /**
     * @param acquirer signs as the demo acquirer, pays the consumer-presented codes (null: those steps are not sent)
     * @param receiver where callbacks arrive (null: not listening, callbacks are not shown)
     * @param currency the demo product's currency (ISO 4217 numeric)
     */
    public DemoJourney(AppGatewayClient client, AppGatewayClient acquirer, CallbackReceiver receiver,
            PrintStream out, String currency) {
        this.client = client;
        this.acquirer = acquirer;
        this.receiver = receiver;
        this.out = out;
        this.currency = currency;
        String suffix = Long.toString(Instant.now().toEpochMilli(), 36);
        this.deviceId = "demo-device-" + suffix;
        this.userId = "demo-user-" + suffix;
    }

    /** Runs every step; returns true when every step answered as expected. */
    public boolean run() {
        out.println("OpenSCIS demo journey against " + client.options().baseUrl() + " as " + client.identity().insID());
        out.println();
        step("CVM_INQUIRY", TrxInfo.EMPTY, r -> "cvm " + r.get("cvm"));
        Result kyc = step("KYC_VERIFICATION", TrxInfo.builder().put("deviceID", deviceId).put("userID", userId)
                .put("cvmInfo", TrxInfo.builder().put("firstName", "Demo").put("lastName", "User")
                        .put("idType", "ID card").put("idNo", "DEMO" + deviceId.hashCode())
                        .put("idCountry", "344").build())
                .build(), r -> "referNo " + r.string("referNo"));
        if (!kyc.approved()) {
            return finish();
        }
        Result open = step("OPEN_ACCOUNT", TrxInfo.builder().put("deviceID", deviceId).put("userID", userId)
                .put("origMsgID", kyc.msgId()).put("origReferNo", kyc.trxInfo().string("referNo")).build(),
                r -> "token " + Masking.pan(r.string("token")) + ", card " + r.string("maskedPan"));
        if (!open.approved()) {
            return finish();
        }
        String token = open.trxInfo().string("token");
        balance(token);
        Result bill = step("BILL_PAYMENT", tokenTrx(token).put("trxAmt", "12.50").put("trxCurrency", currency)
                .put("trxFeeAmt", "1.00").put("trxNote", "demo electricity bill")
                .put("merchantInfo", TrxInfo.builder().put("mid", "BILLER000000001")
                        .put("merchantName", "Demo Biller").build()).build(), r -> "paid 12.50 + fee 1.00");
        step("CREDIT_TRANSACTION", tokenTrx(token).put("trxAmt", "20.00").put("trxCurrency", currency)
                .put("trxNote", "demo top-up").put("merchantInfo", TrxInfo.builder()
                        .put("mid", "AGENT0000000001").put("merchantName", "Demo Agent").build()).build(),
                r -> "topped up 20.00");
        step("P2P_TRANSFER", tokenTrx(token).put("trxAmt", "5.00").put("trxCurrency", currency)
                .put("trxNote", "demo transfer").put("creditAccountInfo", TrxInfo.builder()
                        .put("accountNo", PAYEE_ACCOUNT).build()).build(),
                r -> "sent 5.00 to account " + Masking.pan(PAYEE_ACCOUNT));
        step("GET_CASH_OUT_TOKEN", tokenTrx(token).put("trxTokenType", "WITHDRAW").put("trxAmt", "10.00")
                .put("trxCurrency", currency).build(),
                r -> "cash-out token " + Masking.pan(r.string("trxToken")) + " until " + r.string("tokenExpiry"));
        step("TRX_RESULT_INQUIRY", tokenTrx(token).put("origMsgID", bill.msgId()).put("origMsgType", "BILL_PAYMENT")
                .put("trxAmt", "12.50").put("trxCurrency", currency).build(),
                r -> "bill payment " + r.string("paymentStatus"));
        merchantQrPayments(token);
        Result codes = step("QRC_GENERATION", tokenTrx(token).put("trxLimit", CPQRC_TRX_LIMIT)
                .put("cvmLimit", CPQRC_CVM_LIMIT).put("limitCurrency", currency).put("cpqrcNo", "02").build(),
                r -> "2 consumer codes, first barcode " + Masking.pan(firstOf(r.list("barcodeCpqrcPayload"))));
        if (codes.approved()) {
            consumerQrPayments(token, codes.trxInfo().list("emvCpqrcPayload"));
        }
        step("EXCHANGE_RATE_INQUIRY", TrxInfo.builder().put("origCurrency", currency).put("origAmt", "100")
                .put("exchangeCurrency", "156").build(), r -> "100 -> " + r.string("exchangeAmt") + " (156)");
        balance(token);
        return finish();
    }

    /**
     * The wallet pays a merchant's EMV QR (built here as the merchant's tool prints it) and the shipped fixed-amount
     * UnionPay URL code (inquiry, then payment referencing it).
     */
    private void merchantQrPayments(String token) {
        QrPayer payer = new QrPayer(deviceId, userId, token);
        MerchantQr.Built cafe = new MerchantQr(QR_ACQUIRER_IIN, QR_FORWARDING_IIN, QR_MID, "Demo Cafe", "Hong Kong",
                "5812", currency, "HK", "12.50", null, "DEMO-BILL-0001", null).build();
        QrPlan emv = cafe instanceof MerchantQr.Built.Payload p ? new MerchantQrPayment().plan(payer, p.text(), null,
                null) : new QrPlan.Refused(((MerchantQr.Built.Invalid) cafe).reason());
        step(MerchantQrPayment.MSG_TYPE, emv, r -> "paid Demo Cafe " + charged(r));
        Result inquiry = step(UrlQrPayment.INQUIRY, UrlQrPayment.inquiry(payer, DEMO_URL_QR),
                r -> r.string("merchantName") + ", " + r.string("trxAmt") + " (" + r.string("trxCurrency") + ")");
        if (inquiry.approved()) {
            step(UrlQrPayment.PAYMENT, UrlQrPayment.payment(payer, DEMO_URL_QR, inquiry.msgId(), inquiry.trxInfo(),
                    null), r -> "paid " + charged(r));
        }
    }

    /**
     * The demo acquirer scans the two generated codes: the first pays below the CVM limit at once; the second pays
     * above it, so the switch asks the wallet (ADDITIONAL_PROCESSING, approved by the callback receiver) and holds the
     * acquirer's request until the wallet's ADDITIONAL_PROCESSING_RESULT; then part of it is refunded.
     */
    private void consumerQrPayments(String token, List<Object> payloads) {
        if (acquirer == null) {
            rows.add(new Row(AcquirerMessages.CPQRC_PAYMENT, "--", "not sent: no acquirer profile"));
            printLast();
            return;
        }
        if (payloads == null || payloads.size() < 2) {
            rows.add(new Row(AcquirerMessages.CPQRC_PAYMENT, "--", "not sent: QRC_GENERATION returned no codes"));
            printLast();
            return;
        }
        cpqrcToken = token;
        AcquirerMessages terminal = new AcquirerMessages(new AcquirerMessages.Merchant(
                acquirer.identity().insID(), CPQRC_FWD_IIN, CPQRC_MID, "OpenSCIS Demo Shop", "5812", "344",
                "T0000001"), Clock.systemUTC());
        String small = String.valueOf(payloads.get(0));
        Result first = step(acquirer, AcquirerMessages.CPQRC_PAYMENT,
                terminal.payment(small, CPQRC_SMALL_AMOUNT, currency), r -> "acquirer paid " + CPQRC_SMALL_AMOUNT
                        + " (under the cvm limit), voucher " + r.string("qrcVoucherNo"));
        if (first.approved()) {
            cpqrcPaymentsApproved++;
        }
        if (receiver == null) {
            rows.add(new Row(AcquirerMessages.CPQRC_PAYMENT, "--",
                    "not sent: above the cvm limit needs the callback receiver"));
            printLast();
            return;
        }
        String large = String.valueOf(payloads.get(1));
        String paymentMsgId = acquirer.newMsgId();
        CompletableFuture<SignedExchange> paying = acquirer.send(RequestSpec.builder(AcquirerMessages.CPQRC_PAYMENT)
                .msgId(paymentMsgId).trxInfo(terminal.payment(large, CPQRC_LARGE_AMOUNT, currency)).build());
        ReceivedCallback ask = awaitCallback("ADDITIONAL_PROCESSING", token, paying);
        if (ask == null && paying.isDone()) {
            record(acquirer, AcquirerMessages.CPQRC_PAYMENT, paymentMsgId, paying,
                    r -> "answered without asking the wallet");
            return;
        }
        if (ask == null) {
            paying.cancel(false);
            rows.add(new Row("ADDITIONAL_PROCESSING", "--",
                    "no callback within " + CALLBACK_WAIT.toSeconds() + " s"));
            printLast();
            return;
        }
        rows.add(new Row("ADDITIONAL_PROCESSING", "00", "callback asked to verify " + ask.trxInfo().string("trxAmt")
                + ", signature " + (ask.signatureValid() ? "valid" : "INVALID") + ", receiver approved"));
        printLast();
        step("ADDITIONAL_PROCESSING_RESULT", tokenTrx(token).put("emvCpqrcPayload", List.of(large))
                .put("paymentStatus", "CONTINUING").build(), r -> "cardholder confirmed: CONTINUING");
        Result paid = record(acquirer, AcquirerMessages.CPQRC_PAYMENT, paymentMsgId, paying,
                r -> "acquirer paid " + CPQRC_LARGE_AMOUNT + " (after verification), voucher "
                        + r.string("qrcVoucherNo"));
        if (paid.approved()) {
            cpqrcPaymentsApproved++;
            step(acquirer, AcquirerMessages.REFUND, terminal.refund(paid.msgId(), CPQRC_REFUND_AMOUNT, currency),
                    r -> "acquirer refunded " + CPQRC_REFUND_AMOUNT + " of " + CPQRC_LARGE_AMOUNT);
        }
    }

    /**
     * The first callback of {@code msgType} about {@code token}, waiting up to {@link #CALLBACK_WAIT}; null if none
     * came, or as soon as {@code answered} completed without one (the switch refused the payment outright).
     */
    private ReceivedCallback awaitCallback(String msgType, String token, CompletableFuture<?> answered) {
        long deadline = System.nanoTime() + CALLBACK_WAIT.toNanos();
        try {
            while (true) {
                for (ReceivedCallback c : receiver.received(msgType)) {
                    if (c.trxInfo() != null && token.equals(c.trxInfo().string("token"))) {
                        return c;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || answered.isDone()) {
                    return null;
                }
                receiver.poll(Duration.ofNanos(Math.min(left, ANSWER_CHECK_INTERVAL.toNanos())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A QR payment's answer for people: the amount charged (after any promotion) and the voucher. */
    private static String charged(TrxInfo r) {
        String original = r.string("originalAmount");
        return r.string("trxAmt") + (original == null ? "" : " (promotion: was " + original + ")") + ", voucher "
                + r.string("qrcVoucherNo");
    }

    private static String firstOf(List<Object> values) {
        return values == null || values.isEmpty() ? null : String.valueOf(values.get(0));
    }

    /** A planned QR message, or a row saying why the wallet would not send it. */
    private Result step(String msgType, QrPlan plan, Function<TrxInfo, String> summary) {
        if (plan instanceof QrPlan.Send send) {
            return step(send.msgType(), send.trxInfo(), summary);
        }
        rows.add(new Row(msgType, "--", "not sent: " + ((QrPlan.Refused) plan).reason()));
        printLast();
        return new Result(null, "--", TrxInfo.EMPTY, false);
    }

    private void balance(String token) {
        step("CARD_BALANCE_INQUIRY", tokenTrx(token).build(),
                r -> "balance " + r.string("balAmt") + " (" + r.string("balCurrency") + "), tier "
                        + r.string("accountTier"));
    }

    private TrxInfo.Builder tokenTrx(String token) {
        return TrxInfo.builder().put("deviceID", deviceId).put("userID", userId).put("token", token);
    }

    private Result step(String msgType, TrxInfo trx, Function<TrxInfo, String> summary) {
        return step(client, msgType, trx, summary);
    }

    private Result step(AppGatewayClient sender, String msgType, TrxInfo trx, Function<TrxInfo, String> summary) {
        String msgId = sender.newMsgId();
        return record(sender, msgType, msgId,
                sender.send(RequestSpec.builder(msgType).msgId(msgId).trxInfo(trx).build()), summary);
    }

    /** Waits for the answer to a sent request and adds its row. */
    private Result record(AppGatewayClient sender, String msgType, String msgId,
            CompletableFuture<SignedExchange> sent, Function<TrxInfo, String> summary) {
        Result result;
        try {
            SignedExchange ex = sent.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            MsgResponse r = ex.envelope() == null ? null : ex.envelope().msgResponse();
            TrxInfo body = ex.envelope() == null || ex.envelope().trxInfo() == null ? TrxInfo.EMPTY
                    : sender.decryptResponseFields(ex.envelope().trxInfo()).trxInfo();
            String code = ex.responseCode() == null ? "--" : ex.responseCode();
            String detail = "00".equals(code) ? summary.apply(body)
                    : (r == null ? "HTTP " + ex.status() : r.responseMsg());
            if (!ex.signatureValid()) {
                detail = "SIGNATURE INVALID: " + ex.signatureReason();
            }
            result = new Result(msgId, code, body, ex.signatureValid());
            rows.add(new Row(msgType, code, detail));
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            rows.add(new Row(msgType, "--", "no response: " + cause.getMessage()));
            result = new Result(msgId, "--", TrxInfo.EMPTY, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rows.add(new Row(msgType, "--", "interrupted"));
            result = new Result(msgId, "--", TrxInfo.EMPTY, false);
        }
        printLast();
        return result;
    }

    private void printLast() {
        Row last = rows.get(rows.size() - 1);
        out.printf(Locale.ROOT, "%2d  %-28s %-3s %s%n", rows.size(), last.msgType(), last.code(), last.detail());
    }

    private boolean finish() {
        if (receiver != null) {
            awaitCallbacks();
            List<ReceivedCallback> callbacks = receiver.received();
            out.println();
            out.println("callbacks received at " + receiver.url() + ": " + callbacks.size());
            for (ReceivedCallback c : callbacks) {
                TrxInfo t = c.trxInfo();
                out.printf(Locale.ROOT, "    %-24s %-14s %s %s, signature %s%n", c.msgType(), field(t, "trxMsgType"),
                        field(t, "paymentStatus"), field(t, "trxAmt"), c.signatureValid() ? "valid" : "INVALID");
            }
        }
        boolean ok = rows.stream().allMatch(r -> r.code().equals("00"));
        out.println();
        out.println(ok ? "demo journey complete: every step approved" : "demo journey finished with refusals");
        return ok;
    }

    /** A callback field for the listing; blank when absent (ADDITIONAL_PROCESSING has no status). */
    private static String field(TrxInfo t, String name) {
        String v = t == null ? null : t.string(name);
        return v == null ? "" : v;
    }

    /** Until some callback came and every approved CPQRC payment's notification too, or {@link #CALLBACK_WAIT}. */
    private void awaitCallbacks() {
        long deadline = System.nanoTime() + CALLBACK_WAIT.toNanos();
        try {
            while (receiver.received().isEmpty() || cpqrcNotices() < cpqrcPaymentsApproved) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                receiver.poll(Duration.ofNanos(left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long cpqrcNotices() {
        return receiver.received("TRX_RESULT_NOTIFICATION").stream().filter(c -> c.trxInfo() != null
                && AcquirerMessages.CPQRC_PAYMENT.equals(c.trxInfo().string("trxMsgType"))
                && c.trxInfo().string("token") != null && c.trxInfo().string("token").equals(cpqrcToken)).count();
    }

    /** One step's outcome, for the steps after it. */
    public record Result(String msgId, String code, TrxInfo trxInfo, boolean signatureValid) {
        boolean approved() {
            return "00".equals(code) && signatureValid;
        }
    }

    private record Row(String msgType, String code, String detail) {}
}
