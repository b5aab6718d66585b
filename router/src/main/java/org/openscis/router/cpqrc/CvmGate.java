package org.openscis.router.cpqrc;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.money.CallGate;
import org.openscis.router.money.Movement;
import org.openscis.router.money.TrxResultNotifications;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.CpqrVerdict;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;

/**
 * The cardholder verification of one CPQRC_PAYMENT above its code's CVM limit (decisions.md §7, protocol.md §3.14):
 * RECEIVED → AWAITING_CVM together with ADDITIONAL_PROCESSING to the code's App Gateway (one database transaction
 * with the outbox), then the verdict ({@link VerificationWaits}): CONTINUING proceeds to the CBS call, anything else
 * and the timeout decline with 05 without a CBS call.
 *
 * <p>ADDITIONAL_PROCESSING {@code trxInfo}: {@code deviceID}, {@code token}, {@code trxAmt}, {@code trxCurrency},
 * {@code emvCpqrcPayload} or {@code barcodeCpqrcPayload} (an array holding the scanned code), {@code merchantName}.
 */
public final class CvmGate implements CallGate {

    private final TransactionStore transactions;
    private final VerificationWaits waits;
    private final Duration timeout;
    private final Clock clock;
    private final CpqrPayment payment;
    private final String merchantName;

    public CvmGate(TransactionStore transactions, VerificationWaits waits, Duration timeout, Clock clock,
            CpqrPayment payment, String merchantName) {
        this.transactions = transactions;
        this.waits = waits;
        this.timeout = timeout;
        this.clock = clock;
        this.payment = payment;
        this.merchantName = merchantName;
    }

    @Override
    public Duration maxWait() {
        return timeout;
    }

    @Override
    public CompletionStage<Passage> pass(MoneyTransaction received, Movement movement) {
        Notification ask = new Notification(payment.appGatewayInsId(), MessageType.ADDITIONAL_PROCESSING,
                received.token(), additionalProcessing(received));
        if (!transactions.transition(received.trxId(), TrxState.RECEIVED, TrxState.AWAITING_CVM, null, List.of(ask),
                clock.instant())) {
            return CompletableFuture.completedFuture(new Passage.Settled());
        }
        return waits.await(payment.key(), received.createdAt().plus(timeout)).thenApply(CvmGate::passage);
    }

    static Passage passage(CpqrVerdict verdict) {
        return switch (verdict.kind()) {
            case CONTINUE -> new Passage.Proceed(TrxState.AWAITING_CVM);
            case DECLINE -> new Passage.Decline(TrxState.AWAITING_CVM, ResponseCode.CARDHOLDER_VERIFICATION_FAILED,
                    "the cardholder did not confirm the payment");
            case TIMEOUT -> new Passage.Decline(TrxState.AWAITING_CVM, ResponseCode.CARDHOLDER_VERIFICATION_FAILED,
                    "no cardholder verification in time");
        };
    }

    private TrxInfo additionalProcessing(MoneyTransaction trx) {
        return TrxInfo.builder()
                .put("deviceID", trx.deviceId())
                .put("token", trx.token())
                .put("trxAmt", TrxResultNotifications.trxAmt(trx))
                .put("trxCurrency", trx.currency())
                .put(payment.barcode() ? "barcodeCpqrcPayload" : "emvCpqrcPayload", List.of(payment.payload()))
                .put("merchantName", merchantName)
                .build();
    }
}
