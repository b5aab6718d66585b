package org.openscis.bench.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.ReceivedCallback;
import org.openscis.server.client.RequestSpec;
import org.openscis.server.client.SignedExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generate-then-acquire operation: the App Gateway's QRC_GENERATION, then the acquirer's CPQRC_PAYMENT of the
 * scanned code (EMV payload and barcode alternate). The operation's outcome is the payment's response, or the
 * generation's when it was not approved (or its response carried no code), so a failure shows under the operation's
 * type with the code that stopped it. Above the CVM limit the switch holds the payment and sends
 * ADDITIONAL_PROCESSING to the App Gateway; {@link #onCallback} (the generator's callback listener) then answers
 * with ADDITIONAL_PROCESSING_RESULT {@code CONTINUING} for the code, and the held payment completes.
 */
final class CpqrcFlow {

    private static final Logger LOG = LoggerFactory.getLogger(CpqrcFlow.class);
    static final String GENERATION = "QRC_GENERATION";
    static final String PAYMENT = "CPQRC_PAYMENT";
    static final String VERIFICATION = "ADDITIONAL_PROCESSING";
    static final String VERIFICATION_RESULT = "ADDITIONAL_PROCESSING_RESULT";

    private final AppGatewayClient wallet;
    private final AppGatewayClient acquirer;
    private final TokenPool tokens;
    private final CpqrcRequests requests;
    private final AtomicLong scans = new AtomicLong();
    /** Codes paid above the CVM limit whose ADDITIONAL_PROCESSING has not arrived yet, by payload or barcode. */
    private final Map<String, TokenPool.Enrolled> awaitingVerification = new ConcurrentHashMap<>();
    private final LongAdder confirmed = new LongAdder();
    private final LongAdder unexpected = new LongAdder();

    CpqrcFlow(AppGatewayClient wallet, AppGatewayClient acquirer, TokenPool tokens, CpqrcRequests requests) {
        this.wallet = wallet;
        this.acquirer = acquirer;
        this.tokens = tokens;
        this.requests = requests;
    }

    /** Starts one operation of {@code type} (CPQRC_PAYMENT or CPQRC_PAYMENT_CVM); never throws. */
    CompletableFuture<SignedExchange> start(LoadType type) {
        if (tokens.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(type + " needs enrolled tokens"));
        }
        TokenPool.Enrolled t = tokens.next();
        boolean barcode = scans.getAndIncrement() % 2 == 1;
        try {
            return wallet.send(RequestSpec.of(GENERATION, requests.generation(t)))
                    .thenCompose(generated -> pay(type, t, generated, barcode));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<SignedExchange> pay(LoadType type, TokenPool.Enrolled t, SignedExchange generated,
            boolean barcode) {
        if (!generated.signatureValid() || !"00".equals(generated.responseCode())) {
            return CompletableFuture.completedFuture(generated);
        }
        Optional<CpqrcRequests.Scanned> code = CpqrcRequests.scanned(generated.trxInfo(), barcode);
        if (code.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("QRC_GENERATION approved without a code"));
        }
        CpqrcRequests.Scanned scanned = code.get();
        if (type == LoadType.CPQRC_PAYMENT_CVM) {
            awaitingVerification.put(scanned.key(), t);
        }
        CompletableFuture<SignedExchange> paid = acquirer.send(RequestSpec.of(PAYMENT,
                requests.payment(scanned, CpqrcRequests.amount(type))));
        return paid.whenComplete((ex, error) -> awaitingVerification.remove(scanned.key()));
    }

    /** The callback listener's hook: confirms the ADDITIONAL_PROCESSING of a code this flow paid. */
    void onCallback(ReceivedCallback callback) {
        if (!VERIFICATION.equals(callback.msgType()) || !callback.signatureValid()) {
            return;
        }
        String key = first(callback.trxInfo().list("emvCpqrcPayload"))
                .or(() -> first(callback.trxInfo().list("barcodeCpqrcPayload"))).orElse(null);
        TokenPool.Enrolled t = key == null ? null : awaitingVerification.remove(key);
        if (t == null) {
            unexpected.increment();
            return;
        }
        boolean emv = first(callback.trxInfo().list("emvCpqrcPayload")).isPresent();
        CpqrcRequests.Scanned code = emv ? new CpqrcRequests.Scanned(key, null) : new CpqrcRequests.Scanned(null, key);
        try {
            wallet.send(RequestSpec.of(VERIFICATION_RESULT, CpqrcRequests.continuing(t, code)))
                    .whenComplete((ex, error) -> {
                        if (error == null && "00".equals(ex.responseCode())) {
                            confirmed.increment();
                        } else {
                            LOG.debug("ADDITIONAL_PROCESSING_RESULT not approved: {}",
                                    error != null ? LoadStats.errorKind(error) : ex.responseCode());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.debug("ADDITIONAL_PROCESSING_RESULT not sent: {}", LoadStats.errorKind(e));
        }
    }

    /** ADDITIONAL_PROCESSING_RESULTs the switch approved. */
    long confirmed() {
        return confirmed.sum();
    }

    /** ADDITIONAL_PROCESSING callbacks about codes this flow was not waiting for. */
    long unexpected() {
        return unexpected.sum();
    }

    private static Optional<String> first(List<Object> codes) {
        return codes != null && !codes.isEmpty() && codes.get(0) instanceof String s ? Optional.of(s)
                : Optional.empty();
    }
}
