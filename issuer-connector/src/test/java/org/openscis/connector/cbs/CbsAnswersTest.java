package org.openscis.connector.cbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.link.LinkResult.NoAnswerReason;
import org.openscis.connector.link.LinkResult.NotSentReason;
import org.openscis.connector.link.LinkResult;

class CbsAnswersTest {

    private static final String MSG_ID = "U12345678202501011200000000001";
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();
    private final CbsAnswers answers = new CbsAnswers(new CbsTestCipher());

    private static LinkResult answered(String msgId, MsgResponse response, TrxInfo trxInfo) {
        Envelope env = Envelope.response(new MsgInfo("1.0.0", msgId, "20250101120001", "OPEN_ACCOUNT", "12345678"),
                trxInfo, response);
        return new LinkResult.Answered(200, env, CODEC.encode(env));
    }

    private static String jwe(TrxInfo plain) {
        return CbsTestCipher.encryptForSwitch(CODEC.encodeObject(plain));
    }

    @Test
    void anAnswerForThisMsgIdHasItsCodeAndDecryptedFields() {
        TrxInfo account = TrxInfo.builder().put("accountNo", "123456789012").put("accountStatus", "ACTIVE").build();

        CbsResult r = answers.read(answered(MSG_ID, new MsgResponse("00", "Approved"),
                TrxInfo.builder().put("accountInfo", jwe(account)).put("referNo", "R1").build()), MSG_ID);

        assertThat(r).isEqualTo(new CbsResult.Answered("00", "Approved",
                TrxInfo.builder().put("accountInfo", account).put("referNo", "R1").build()));
    }

    @Test
    void anAnswerWithoutTrxInfoHasAnEmptyOne() {
        CbsResult r = answers.read(answered(MSG_ID, new MsgResponse("51", "Insufficient funds"), null), MSG_ID);

        assertThat(r).isEqualTo(new CbsResult.Answered("51", "Insufficient funds", TrxInfo.EMPTY));
    }

    @Test
    void anAnswerForAnotherMsgIdSaysNothingAboutThisCall() {
        CbsResult r = answers.read(answered("U12345678202501011200000000002", new MsgResponse("00", "Approved"),
                null), MSG_ID);

        assertThat(r).isInstanceOf(CbsResult.NoAnswer.class);
        assertThat(((CbsResult.NoAnswer) r).detail()).contains("another msgID");
    }

    @Test
    void anAnswerWithoutAResponseCodeIsNoAnswer() {
        assertThat(answers.read(answered(MSG_ID, null, null), MSG_ID)).isInstanceOf(CbsResult.NoAnswer.class);
        assertThat(answers.read(answered(MSG_ID, new MsgResponse(null, "x"), null), MSG_ID))
                .isInstanceOf(CbsResult.NoAnswer.class);
    }

    @Test
    void anUndecryptableOrNonObjectFieldIsNoAnswerWithoutItsContent() {
        CbsResult garbled = answers.read(answered(MSG_ID, new MsgResponse("00", "Approved"),
                TrxInfo.builder().put("accountInfo", "6212345678901234").build()), MSG_ID);
        String notAnObject = CbsTestCipher.encryptForSwitch("[1]".getBytes(StandardCharsets.UTF_8));
        CbsResult array = answers.read(answered(MSG_ID, new MsgResponse("00", "Approved"),
                TrxInfo.builder().put("accountInfo", notAnObject).build()), MSG_ID);

        assertThat(garbled).isInstanceOf(CbsResult.NoAnswer.class);
        assertThat(((CbsResult.NoAnswer) garbled).detail()).contains("accountInfo").doesNotContain("6212");
        assertThat(array).isInstanceOf(CbsResult.NoAnswer.class);
    }

    @Test
    void aResponseFieldSentInClearIsTakenAsIs() {
        TrxInfo account = TrxInfo.builder().put("accountNo", "123456789012").build();

        CbsResult r = answers.read(answered(MSG_ID, new MsgResponse("00", "Approved"),
                TrxInfo.builder().put("accountInfo", account).build()), MSG_ID);

        assertThat(((CbsResult.Answered) r).trxInfo().object("accountInfo")).isEqualTo(account);
    }

    @Test
    void notSentKeepsItsReasonAndNoAnswerNamesIts() {
        assertThat(answers.read(new LinkResult.NotSent(NotSentReason.CIRCUIT_OPEN, "open"), MSG_ID))
                .isEqualTo(new CbsResult.NotSent(NotSentReason.CIRCUIT_OPEN, "open"));
        assertThat(answers.read(new LinkResult.NoAnswer(NoAnswerReason.TIMEOUT, "no answer within 3000 ms"), MSG_ID))
                .isEqualTo(new CbsResult.NoAnswer("TIMEOUT: no answer within 3000 ms"));
    }
}
