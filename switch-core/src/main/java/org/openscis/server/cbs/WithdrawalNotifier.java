package org.openscis.server.cbs;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.Withdrawal;
import org.openscis.router.MessageType;
import org.openscis.router.money.TrxResultNotifications;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.MerchantDirectory;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.openscis.server.storage.JdbcCashOutWithdrawals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the wallet that cash was handed out against its cash-out token: a TRX_RESULT_NOTIFICATION with
 * {@code trxMsgType} {@value #TRX_MSG_TYPE} (protocol.md §3.16, §3.17) to the App Gateway that asked for the token,
 * in order with the token's other callbacks. See docs/decisions/cash-out-withdrawals.md.
 *
 * <p>The simulator reports the GET_CASH_OUT_TOKEN's CBS msgID with each withdrawal; that is the switch's trxId of
 * the movement, so the transaction is found directly. The withdrawal is recorded under that trxId together with the
 * notification ({@link JdbcCashOutWithdrawals}), so a repeated report notifies nobody twice.
 *
 * <p>Blocking (JDBC): it runs on the thread that made the withdrawal, which {@link CbsLinks#onWithdrawal} guarantees
 * is never an event loop.
 */
public final class WithdrawalNotifier implements BiConsumer<String, Withdrawal> {

    /** protocol.md §3.16's {@code trxMsgType} for cash taken out. */
    public static final String TRX_MSG_TYPE = "WITHDRAW";

    private static final Logger LOG = LoggerFactory.getLogger(WithdrawalNotifier.class);

    /** What became of one reported withdrawal. */
    public enum Outcome {
        /** The notification is in the outbox. */
        NOTIFIED,
        /** This movement's withdrawal was recorded (and notified) before; nothing written. */
        ALREADY_NOTIFIED,
        /** No GET_CASH_OUT_TOKEN of this issuer with that trxId: a hold the switch did not place. Nothing written. */
        UNKNOWN_MOVEMENT
    }

    private final TransactionStore transactions;
    private final JdbcCashOutWithdrawals withdrawals;
    private final MerchantDirectory merchants;
    private final Runnable afterStored;
    private final Clock clock;

    /**
     * @param afterStored runs after a notification was committed, e.g. to wake the callback dispatcher
     */
    public WithdrawalNotifier(TransactionStore transactions, JdbcCashOutWithdrawals withdrawals,
            MerchantDirectory merchants, Runnable afterStored, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.withdrawals = Objects.requireNonNull(withdrawals, "withdrawals");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.afterStored = Objects.requireNonNull(afterStored, "afterStored");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The listener form: never throws (the simulator has committed the withdrawal already); failures are logged. */
    @Override
    public void accept(String issuerIin, Withdrawal withdrawal) {
        try {
            notify(issuerIin, withdrawal);
        } catch (RuntimeException e) {
            LOG.error("Withdrawal against cash-out movement {} of issuer {} could not be recorded; the wallet is not "
                    + "notified", withdrawal.holdMsgId(), issuerIin, e);
        }
    }

    /** Records the withdrawal of issuer {@code issuerIin} and enqueues the wallet's notification, once. */
    public Outcome notify(String issuerIin, Withdrawal withdrawal) {
        String trxId = withdrawal.holdMsgId();
        Optional<MoneyTransaction> found = trxId == null ? Optional.empty() : transactions.find(trxId)
                .filter(t -> t.operation() == CbsOperation.GET_CASH_OUT_TOKEN && t.issuerIin().equals(issuerIin));
        if (found.isEmpty()) {
            LOG.info("Withdrawal at agent {} against a hold the switch did not place (CBS msgID {}): nobody notified",
                    withdrawal.agentMid(), trxId);
            return Outcome.UNKNOWN_MOVEMENT;
        }
        MoneyTransaction trx = found.get();
        Notification notice = notice(trx, withdrawal, merchants.find(issuerIin, withdrawal.agentMid()));
        JdbcCashOutWithdrawals.Entry entry = new JdbcCashOutWithdrawals.Entry(trxId, issuerIin,
                withdrawal.agentMid(), withdrawal.amountMinor(), withdrawal.currency(), withdrawal.time());
        if (!withdrawals.record(entry, notice, clock.instant())) {
            LOG.debug("Withdrawal against cash-out movement {} was notified before", trxId);
            return Outcome.ALREADY_NOTIFIED;
        }
        afterStored.run();
        LOG.info("Cash-out movement {} withdrawn at agent {}: TRX_RESULT_NOTIFICATION {} queued for {}", trxId,
                withdrawal.agentMid(), TRX_MSG_TYPE, trx.insId());
        return Outcome.NOTIFIED;
    }

    /**
     * The notification: to the requester of the token, ordered by the wallet token; {@code trxInfo} {@code deviceID},
     * {@code token}, {@code trxMsgType} WITHDRAW, {@code origMsgID} (the GET_CASH_OUT_TOKEN request's msgID) and
     * {@code origTrxType} GET_CASH_OUT_TOKEN so the wallet can match it to the code it showed, {@code trxAmt} and
     * {@code trxCurrency} as handed out, {@code merchantName} of the agent when configured, {@code paymentStatus}
     * and {@code rejectionReason} APPROVED, and the token's {@code referNo}.
     */
    static Notification notice(MoneyTransaction trx, Withdrawal withdrawal, Optional<Merchant> agent) {
        TrxInfo info = TrxInfo.builder()
                .put("deviceID", trx.deviceId())
                .put("token", trx.token())
                .put("trxMsgType", TRX_MSG_TYPE)
                .put("origMsgID", trx.msgId())
                .put("origTrxType", trx.msgType().name())
                .put("trxAmt", withdrawal.amount().toWire())
                .put("trxCurrency", withdrawal.currency())
                .put("merchantName", agent.map(Merchant::name).orElse(null))
                .put("paymentStatus", TrxState.APPROVED.paymentStatus())
                .put("rejectionReason", TrxResultNotifications.rejectionReason(TrxState.APPROVED,
                        ResponseCode.APPROVED.code()))
                .put("referNo", TrxResultNotifications.referNo(trx))
                .build();
        return new Notification(trx.insId(), MessageType.TRX_RESULT_NOTIFICATION,
                trx.token() == null ? trx.trxId() : trx.token(), info);
    }
}
