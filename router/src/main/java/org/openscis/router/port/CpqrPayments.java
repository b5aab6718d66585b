package org.openscis.router.port;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Consumer-presented payments an acquirer made with a code the switch issued (decisions.md §7), keyed by the
 * acquirer's request (insID, msgID): which code, whose App Gateway to notify, and, for a payment above the code's
 * CVM limit, the cardholder's verdict. The verdict is recorded once (compare-and-set), whichever node holds the
 * waiting payment. Every method is blocking and transactional on its own; implementations are multi-node safe.
 */
public interface CpqrPayments {

    /** Stores the payment; false (nothing stored) if the acquirer's request already has one. */
    boolean create(CpqrPayment payment);

    Optional<CpqrPayment> find(String acquirerInsId, String acquirerMsgId);

    /**
     * Records {@code verdict} if the payment awaits one: {@link RecordResult#RECORDED}; {@link
     * RecordResult#ALREADY_DECIDED} if a verdict is already recorded (nothing changes); {@link
     * RecordResult#NOT_AWAITED} if the payment needs no verification or is unknown.
     */
    RecordResult recordVerdict(String acquirerInsId, String acquirerMsgId, CpqrVerdict verdict);

    /** The verdicts recorded so far among {@code payments} (one query: the poll of waiting payments). */
    Map<CpqrPayment.Key, CpqrVerdict> verdicts(Collection<CpqrPayment.Key> payments);

    enum RecordResult { RECORDED, ALREADY_DECIDED, NOT_AWAITED }
}
