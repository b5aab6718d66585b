package org.openscis.server.adapters;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.openscis.codec.ResponseCode;
import org.openscis.connector.cbs.CbsClient;
import org.openscis.connector.cbs.CbsResult;
import org.openscis.connector.link.LinkResult;
import org.openscis.router.port.CbsCall;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.CoreBanking;

/**
 * The router's {@link CoreBanking} port over the issuer-connector's {@link CbsClient}s, one per issuer. The clients
 * complete on network event loops; every reply is handed to {@code completions} (bounded worker threads) first, so
 * that the handler code after a CBS call may write storage without ever blocking an event loop.
 */
public final class CbsCoreBanking implements CoreBanking {

    private final Map<String, CbsClient> clients;
    private final Executor completions;

    public CbsCoreBanking(Map<String, CbsClient> clientsByIssuerIin, Executor completions) {
        this.clients = Map.copyOf(clientsByIssuerIin);
        this.completions = completions;
    }

    @Override
    public CompletionStage<CbsReply> call(String issuerIin, CbsCall call, Instant deadline) {
        CbsClient client = clients.get(issuerIin);
        if (client == null) {
            return CompletableFuture.supplyAsync(() -> new CbsReply.NotSent(ResponseCode.ISSUER_SYSTEM_ERROR,
                    "no CBS link for issuer " + issuerIin), completions);
        }
        return client.call(call.operation().name(), call.cbsMsgId(), call.trxInfo(), deadline)
                .thenApplyAsync(CbsCoreBanking::reply, completions);
    }

    /** decisions.md §5: nothing sent → 92 (no usable connection) or 91 (circuit open), deadline in the queue → 98. */
    static CbsReply reply(CbsResult result) {
        if (result instanceof CbsResult.Answered a) {
            ResponseCode code = ResponseCode.fromCode(a.responseCode()).orElse(ResponseCode.ISSUER_DECLINED);
            String msg = a.responseMsg() == null || a.responseMsg().isBlank() ? code.message() : a.responseMsg();
            return new CbsReply.Answered(code, msg, a.trxInfo());
        }
        if (result instanceof CbsResult.NotSent n) {
            ResponseCode code = switch (n.reason()) {
                case CIRCUIT_OPEN, CLOSED -> ResponseCode.ISSUER_SYSTEM_ERROR;
                case DEADLINE_BEFORE_SEND -> ResponseCode.TIMEOUT;
                case CONNECT_FAILED, OVERLOADED -> ResponseCode.NETWORK_ERROR;
            };
            return new CbsReply.NotSent(code, reasonText(n.reason()) + (n.detail() == null ? "" : ": " + n.detail()));
        }
        return new CbsReply.NoAnswer(((CbsResult.NoAnswer) result).detail());
    }

    private static String reasonText(LinkResult.NotSentReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
