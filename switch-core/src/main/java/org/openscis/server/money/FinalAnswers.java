package org.openscis.server.money;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.openscis.server.dispatch.RecordedAnswers;
import org.openscis.server.dispatch.ResponseFactory;

/**
 * The answer a money movement's request gets once the movement is final, built from its transaction record: the
 * approved reply for money that moved, else the decline code with the request's {@code deviceID}. The resolver stores
 * it for requests it settled; the dispatcher answers it to a retry whose original never stored its answer.
 */
public final class FinalAnswers implements RecordedAnswers {

    /** The requests whose handlers record a money transaction before anything else happens. */
    static final Set<MessageType> MOVEMENTS = EnumSet.of(MessageType.BILL_PAYMENT, MessageType.CREDIT_TRANSACTION,
            MessageType.P2P_TRANSFER, MessageType.GET_CASH_OUT_TOKEN);

    private final TransactionStore transactions;
    private final ResponseFactory responses;

    public FinalAnswers(TransactionStore transactions, ResponseFactory responses) {
        this.transactions = transactions;
        this.responses = responses;
    }

    /**
     * {@inheritDoc} A money movement without a transaction record never reached the CBS: running it again is safe,
     * and should the original still be running after all, the record (unique per request) lets only one of them
     * call the CBS.
     */
    @Override
    public boolean rerunnable(String insId, String msgId, String msgType) {
        return MessageType.byWireName(msgType).filter(MOVEMENTS::contains).isPresent()
                && transactions.findByRequest(insId, msgId).isEmpty();
    }

    @Override
    public Optional<RecordedAnswer> find(String insId, String msgId) {
        return transactions.findByRequest(insId, msgId)
                .filter(t -> t.state().isFinal())
                .flatMap(t -> ResponseCode.fromCode(t.responseCode())
                        .map(code -> new RecordedAnswer(code.code(), body(responses, t, t.state(), code))));
    }

    /** The response body of {@code trx}'s request in {@code finalState} with {@code code}, echoing its msgInfo. */
    static byte[] body(ResponseFactory responses, MoneyTransaction trx, TrxState finalState, ResponseCode code) {
        MsgInfo echo = new MsgInfo(trx.msgVersion(), trx.msgId(), trx.msgTimeStamp(), trx.msgType().name(),
                trx.insId());
        TrxInfo body = finalState.moved() ? trx.approvedReply()
                : trx.deviceId() == null ? null : TrxInfo.builder().put("deviceID", trx.deviceId()).build();
        return responses.body(echo, body, code, code.message());
    }
}
