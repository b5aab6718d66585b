package org.openscis.server.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.LedgerCheck;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.server.client.ReceivedCallback;

/**
 * The end-of-run checks, each failure a line naming the request it concerns:
 * <ul>
 *   <li>every answer was signed, and no request got two different final answers;</li>
 *   <li>every request ends with a final answer, the same code its transaction record holds;</li>
 *   <li>the CBS applied every movement the switch calls approved exactly once (APPROVED, with its postings), and
 *       none it calls declined stayed applied (never seen, declined, reversed or tombstoned);</li>
 *   <li>the ledger is sound, and every tracked account (wallets, outside payees, biller, agent, fee) changed by
 *       exactly what the switch's approved records say, for the ledger and for the available balance (cash-out
 *       holds);</li>
 *   <li>every request answered 04 has a final record and got a TRX_RESULT_NOTIFICATION with its final status
 *       (matched by referNo), and no two notifications of one request contradict each other.</li>
 * </ul>
 */
final class MoneyAudit {

    private static final Set<String> NOT_APPLIED = Set.of("DECLINED", "REVERSED", "TOMBSTONE");

    private final List<String> violations = new ArrayList<>();
    private final Map<String, SwitchRecord> records;
    private final Ledger ledger;

    MoneyAudit(Map<String, SwitchRecord> records, Ledger ledger) {
        this.records = records;
        this.ledger = ledger;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    private void fail(String what) {
        violations.add(what);
    }

    void ledgerSound() {
        LedgerCheck check = ledger.check();
        if (!check.ok()) {
            fail("ledger check failed: " + check);
        }
    }

    void everyRecordFinal() {
        for (SwitchRecord r : records.values()) {
            if (!r.state().isFinal()) {
                fail("transaction " + r.trxId() + " still " + r.state());
            }
        }
    }

    void noStrayRecords(List<RequestLog> logs) {
        Set<String> planned = new HashSet<>();
        logs.forEach(l -> planned.add(l.op.msgId()));
        for (SwitchRecord r : records.values()) {
            if (!planned.contains(r.msgId())) {
                fail("transaction " + r.trxId() + " belongs to no request of the test (" + r.msgId() + ")");
            }
        }
    }

    /** What the App Gateway saw against the records and the CBS. */
    void answers(List<RequestLog> logs) {
        for (RequestLog log : logs) {
            Operation op = log.op;
            for (Attempt a : log.attempts()) {
                if (a.status() == 200 && !a.signatureValid()) {
                    fail(log + ": an answer with an invalid signature");
                }
            }
            if (log.finalCodes().size() > 1) {
                fail(log + ": different final answers " + log.finalCodes());
            }
            SwitchRecord rec = records.get(op.msgId());
            Attempt last = log.finalAnswer();
            if (last == null) {
                fail(log + ": no final answer after everything settled" + (rec == null ? ", no record" : ", " + rec));
                continue;
            }
            if (rec != null && !last.code().equals(rec.responseCode())) {
                fail(log + ": answered " + last.code() + " but " + rec);
            }
            if ("00".equals(last.code()) && (rec == null || !rec.state().moved())) {
                fail(log + ": approved for the App Gateway but " + (rec == null ? "no record" : rec));
            }
            if (!"00".equals(last.code()) && rec != null && rec.state().moved()) {
                fail(log + ": declined for the App Gateway but " + rec);
            }
        }
    }

    /** Each record against the CBS: approved exactly once, or not applied at all. */
    void cbsMovements(Map<String, Operation> opsByMsgId) {
        for (SwitchRecord r : records.values()) {
            Operation op = opsByMsgId.get(r.msgId());
            if (op == null) {
                continue;
            }
            if (r.amountMinor() != op.totalMinor()) {
                fail(op + ": recorded amount " + r.amountMinor() + " is not " + op.totalMinor());
            }
            Optional<String> state = ledger.movementState(r.trxId());
            int postings = ledger.postingCount(r.trxId());
            if (r.state().moved()) {
                if (!state.equals(Optional.of("APPROVED")) || postings != op.kind().postings(op.feeMinor())) {
                    fail(op + ": " + r + " but the CBS has " + state.orElse("nothing") + " with " + postings
                            + " postings");
                }
            } else if (state.isPresent() && !NOT_APPLIED.contains(state.get())) {
                fail(op + ": " + r + " but the CBS has it " + state.get());
            }
        }
    }

    /**
     * Balance changes of every tracked account against the approved records: the ledger balance moves by payments,
     * top-ups and transfers; the available balance also by cash-out holds.
     */
    void balances(Balances before, Balances after, Map<String, Operation> opsByMsgId, String billerAccount,
            String agentAccount, String feeAccount) {
        Map<String, Long> ledgerDelta = new HashMap<>();
        Map<String, Long> availableDelta = new HashMap<>();
        long customerNet = 0;
        for (SwitchRecord r : records.values()) {
            Operation op = opsByMsgId.get(r.msgId());
            if (op == null || !r.state().moved()) {
                continue;
            }
            String payer = op.wallet().accountNo();
            switch (op.kind()) {
                case BILL_PAYMENT -> {
                    both(ledgerDelta, availableDelta, payer, -op.totalMinor());
                    both(ledgerDelta, availableDelta, billerAccount, op.amountMinor());
                    both(ledgerDelta, availableDelta, feeAccount, op.feeMinor());
                    customerNet -= op.totalMinor();
                }
                case CREDIT_TRANSACTION -> {
                    both(ledgerDelta, availableDelta, payer, op.amountMinor());
                    both(ledgerDelta, availableDelta, agentAccount, -op.amountMinor());
                    customerNet += op.amountMinor();
                }
                case P2P_TRANSFER -> {
                    both(ledgerDelta, availableDelta, payer, -op.amountMinor());
                    both(ledgerDelta, availableDelta, op.payeeAccount(), op.amountMinor());
                }
                case GET_CASH_OUT_TOKEN -> availableDelta.merge(payer, -op.amountMinor(), Long::sum);
            }
        }
        long observedCustomerNet = 0;
        for (String account : before.ledger().keySet()) {
            long seen = after.ledger().get(account) - before.ledger().get(account);
            long expected = ledgerDelta.getOrDefault(account, 0L);
            if (seen != expected) {
                fail("account " + tail(account) + ": ledger balance changed by " + seen + ", approved records say "
                        + expected);
            }
            long seenAvailable = after.available().get(account) - before.available().get(account);
            long expectedAvailable = availableDelta.getOrDefault(account, 0L);
            if (seenAvailable != expectedAvailable) {
                fail("account " + tail(account) + ": available balance changed by " + seenAvailable
                        + ", approved records say " + expectedAvailable);
            }
            if (!account.equals(billerAccount) && !account.equals(agentAccount) && !account.equals(feeAccount)) {
                observedCustomerNet += seen;
            }
        }
        if (observedCustomerNet != customerNet) {
            fail("customer balances changed by " + observedCustomerNet + " in total, approved records say "
                    + customerNet);
        }
    }

    private static void both(Map<String, Long> ledger, Map<String, Long> available, String account, long delta) {
        ledger.merge(account, delta, Long::sum);
        available.merge(account, delta, Long::sum);
    }

    /**
     * Requests answered 04 against the notifications received. {@code referNos} gives each request's referNo as the
     * notification carries it (the requester's, or the switch's for a cash-out token, learnt from the approval or a
     * TRX_RESULT_INQUIRY).
     */
    void notifications(List<RequestLog> logs, Map<Integer, String> referNos, List<ReceivedCallback> received) {
        Map<String, Set<String>> statusByReferNo = new HashMap<>();
        for (ReceivedCallback c : received) {
            if (!c.signatureValid()) {
                fail("a TRX_RESULT_NOTIFICATION with an invalid signature: " + c.msgID());
            }
            TrxInfo t = c.trxInfo();
            String referNo = t == null ? null : t.string("referNo");
            if (referNo != null) {
                statusByReferNo.computeIfAbsent(referNo, k -> new HashSet<>()).add(t.string("paymentStatus"));
            }
        }
        for (RequestLog log : logs) {
            String referNo = referNos.get(log.op.index());
            Set<String> statuses = referNo == null ? Set.of() : statusByReferNo.getOrDefault(referNo, Set.of());
            SwitchRecord rec = records.get(log.op.msgId());
            if (statuses.size() > 1) {
                fail(log + ": contradicting notifications " + statuses);
            }
            if (!statuses.isEmpty() && rec != null && rec.state().isFinal()
                    && !statuses.contains(rec.state().paymentStatus())) {
                fail(log + ": notified " + statuses + " but " + rec);
            }
            if (!log.sawPending()) {
                continue;
            }
            if (rec == null) {
                fail(log + ": answered 04 but no transaction was recorded");
            } else if (referNo == null) {
                fail(log + ": answered 04, " + rec + ", and its referNo is unknown to the App Gateway");
            } else if (statuses.isEmpty()) {
                fail(log + ": answered 04, " + rec + ", but no TRX_RESULT_NOTIFICATION arrived");
            }
        }
    }

    private static String tail(String account) {
        return account.length() <= 4 ? account : "…" + account.substring(account.length() - 4);
    }
}
