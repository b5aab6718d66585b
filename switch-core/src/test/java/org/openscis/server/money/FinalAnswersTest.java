package org.openscis.server.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.InMemoryOutbox;
import org.openscis.router.testing.InMemoryTransactionStore;
import org.openscis.server.dispatch.RecordedAnswers.RecordedAnswer;
import org.openscis.server.dispatch.ResponseFactory;
import org.openscis.server.testing.MutableClock;

class FinalAnswersTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String INS = "39990157";

    private final InMemoryTransactionStore transactions = new InMemoryTransactionStore(new InMemoryOutbox());
    private final FinalAnswers answers = new FinalAnswers(transactions,
            new ResponseFactory(new EnvelopeCodec(), new MutableClock(T0), ZoneOffset.UTC));

    @Test
    void anApprovedMovementAnswersItsApprovedReply() {
        transactions.put(trx("1", TrxState.APPROVED, "00"));
        RecordedAnswer a = answers.find(INS, msgId("1")).orElseThrow();
        assertThat(a.responseCode()).isEqualTo("00");
        assertThat(text(a)).contains("\"receipt\":\"r-1\"").contains("\"msgID\":\"" + msgId("1") + "\"")
                .contains("\"msgType\":\"BILL_PAYMENT\"");
    }

    @Test
    void aDeclinedMovementAnswersItsCodeWithTheDevice() {
        transactions.put(trx("2", TrxState.RESOLVED_DECLINED, "91"));
        RecordedAnswer a = answers.find(INS, msgId("2")).orElseThrow();
        assertThat(a.responseCode()).isEqualTo("91");
        assertThat(text(a)).contains("\"deviceID\":\"device-1\"").doesNotContain("receipt");
    }

    @Test
    void anOpenOrUnknownMovementHasNoFinalAnswer() {
        transactions.put(trx("3", TrxState.UNKNOWN, "04"));
        assertThat(answers.find(INS, msgId("3"))).isEmpty();
        assertThat(answers.find(INS, msgId("9"))).isEmpty();
    }

    @Test
    void onlyAMoneyMovementWithoutARecordMayRunAgain() {
        transactions.put(trx("4", TrxState.SENT, null));
        assertThat(answers.rerunnable(INS, msgId("4"), "BILL_PAYMENT")).as("it may have reached the CBS").isFalse();
        assertThat(answers.rerunnable(INS, msgId("5"), "BILL_PAYMENT")).isTrue();
        assertThat(answers.rerunnable(INS, msgId("5"), "GET_CASH_OUT_TOKEN")).isTrue();
        assertThat(answers.rerunnable(INS, msgId("5"), "OPEN_ACCOUNT")).as("no record tells what it did").isFalse();
    }

    private static String text(RecordedAnswer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    private static String msgId(String id) {
        return "A" + INS + "20261125100000" + "00000" + id;
    }

    private static MoneyTransaction trx(String id, TrxState state, String code) {
        return new MoneyTransaction("U6200000120261125100000" + "00000" + id, INS, msgId(id),
                MessageType.BILL_PAYMENT, "1.0.0", "20261125100000", "62000001", "card-1", "6292000000000000001",
                "device-1", CbsOperation.DEBIT_TRANSACTION, 1250, "344", TrxInfo.builder().put("trxAmt", "12.50")
                .build(), TrxInfo.builder().put("deviceID", "device-1").put("receipt", "r-1").build(), state, code,
                true, 0, state.isFinal() ? null : T0, T0, T0);
    }
}
