package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.FixedPromotions;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.QrFixture;

class MpqrcPaymentUrlHandlerTest {

    private static final String ACCOUNT = "774411220044";

    private final QrFixture q = new QrFixture();
    private final Handler inquiry = q.handler(MessageType.QRC_INFO_INQUIRY);
    private final Handler handler = q.handler(MessageType.MPQRC_PAYMENT_URL);
    private final CardRecord card = q.card("C7", "21", ACCOUNT);
    private final TokenRecord token = q.token("21", card);

    private String inquire(String url) {
        Request request = q.request(MessageType.QRC_INFO_INQUIRY, trx("deviceID", DEVICE, "userID", USER,
                "mpqrcPayload", url));
        assertThat(run(inquiry, request).code()).isEqualTo(ResponseCode.APPROVED);
        return request.msgInfo().msgID();
    }

    private TrxInfo.Builder payment(String origMsgId, String url, String amount) {
        return TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("userID", USER)
                .put("token", token.token())
                .put("origTrxMsgID", origMsgId)
                .put("trxAmt", amount)
                .put("trxCurrency", "156")
                .put("mpqrcPayload", url)
                .put("merchantInfo", trx("merchantName", "Test Merchant", "mcc", "5811"));
    }

    private Outcome pay(TrxInfo trxInfo) {
        return run(handler, q.request(MessageType.MPQRC_PAYMENT_URL, trxInfo));
    }

    private Outcome payFixed(String amount) {
        return pay(payment(inquire(QrFixture.FIXED_URL), QrFixture.FIXED_URL, amount).build());
    }

    private void assertRefused(Outcome outcome, ResponseCode code) {
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE));
    }

    @Test
    void aFixedAmountOrderIsPaidOffUsWithTheOrdersMerchant() {
        String origMsgId = inquire(QrFixture.FIXED_URL);
        Request request = q.request(MessageType.MPQRC_PAYMENT_URL, payment(origMsgId, QrFixture.FIXED_URL, "25")
                .put("additionalData", trx("billNo", "B-1")).put("trxNote", "lunch").put("referNo", "r-9").build());

        Outcome outcome = run(handler, request);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE, "trxAmt", "25.00", "trxCurrency", "156",
                "qrcVoucherNo", "00000000000000000001"));
        var call = q.m.cbs.onlyCall().call();
        assertThat(call.operation()).isEqualTo(CbsOperation.DEBIT_TRANSACTION);
        TrxInfo sent = call.trxInfo();
        assertThat(sent.names()).containsExactly("relTrxMsgID", "relTrxType", "merchantInfo", "onUsFlag",
                "debitAccountInfo", "trxAmt", "trxCurrency", "billAmt", "billCurrency", "feeAmt", "markupAmt",
                "additionalData", "trxNote", "retrivlRefNum", "transDatetime", "traceNum", "referNo");
        assertThat(sent.string("relTrxMsgID")).isEqualTo(request.msgInfo().msgID());
        assertThat(sent.string("relTrxType")).isEqualTo("MPQRC_PAYMENT_URL");
        assertThat(sent.string("onUsFlag")).isEqualTo("N");
        assertThat(sent.object("merchantInfo")).isEqualTo(trx("acquirerIIN", "00010156", "fwdIIN", "00010156",
                "mid", "123456789012345", "merchantName", "Test Merchant", "mcc", "5811", "merchantCountry", "156",
                "termId", "T0000001"));
        assertThat(sent.object("debitAccountInfo")).isEqualTo(trx("token", token.token(), "pan", card.pan(),
                "accountNo", ACCOUNT));
        assertThat(sent.string("trxAmt")).isEqualTo("25.00");
        assertThat(sent.string("feeAmt")).isEqualTo("0.00");
        assertThat(sent.object("additionalData")).isEqualTo(trx("billNo", "B-1"));
        MoneyTransaction trx = q.m.transactions.findByRequest(WALLET_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(trx.state()).isEqualTo(TrxState.APPROVED);
        assertThat(trx.amountMinor()).isEqualTo(2500);
        assertThat(trx.msgType()).isEqualTo(MessageType.MPQRC_PAYMENT_URL);
    }

    @Test
    void aRetryGetsTheSameVoucherWithoutASecondDebit() {
        Request request = q.request(MessageType.MPQRC_PAYMENT_URL,
                payment(inquire(QrFixture.FIXED_URL), QrFixture.FIXED_URL, "25.00").build());
        Outcome first = run(handler, request);
        Outcome again = run(handler, request);
        assertThat(first.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(again).isEqualTo(first);
        assertThat(q.m.cbs.calls()).hasSize(1);
    }

    @Test
    void anOpenAmountOrderTakesAnyAmountUpToItsUpperLimit() {
        String origMsgId = inquire(QrFixture.OPEN_URL);
        assertThat(pay(payment(origMsgId, QrFixture.OPEN_URL, "500").put("merchantInfo", trx("mcc", "5812"))
                .build()).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(pay(payment(origMsgId, QrFixture.OPEN_URL, "0.01").remove("merchantInfo").build()).code())
                .as("one inquiry backs several payments while valid").isEqualTo(ResponseCode.APPROVED);
        assertRefused(pay(payment(origMsgId, QrFixture.OPEN_URL, "500.01").remove("merchantInfo").build()),
                ResponseCode.INVALID_AMOUNT);
        assertThat(q.m.cbs.calls()).hasSize(2);
    }

    @Test
    void amountsThatDoNotFitTheOrderAre13() {
        assertRefused(payFixed("25.01"), ResponseCode.INVALID_AMOUNT);
        assertRefused(payFixed("24.99"), ResponseCode.INVALID_AMOUNT);
        assertRefused(payFixed("0"), ResponseCode.INVALID_AMOUNT);
        assertRefused(payFixed("-25"), ResponseCode.INVALID_AMOUNT);
        assertRefused(payFixed("25.001"), ResponseCode.INVALID_AMOUNT);
        assertThat(payFixed("25.00").responseMsg()).isEqualTo("Approved");
        assertThat(q.m.cbs.calls()).hasSize(1);
    }

    @Test
    void theInquiryMustExistBelongToTheRequesterAndBeRecent() {
        assertRefused(pay(payment("A3999006120250615100000999999", QrFixture.FIXED_URL, "25").build()),
                ResponseCode.ORIGINAL_NOT_FOUND);
        Request foreign = q.m.f.request(MessageType.QRC_INFO_INQUIRY, q.m.f.otherWallet, trx("deviceID", DEVICE,
                "userID", USER, "mpqrcPayload", QrFixture.FIXED_URL));
        assertThat(run(inquiry, foreign).code()).isEqualTo(ResponseCode.APPROVED);
        assertRefused(pay(payment(foreign.msgInfo().msgID(), QrFixture.FIXED_URL, "25").build()),
                ResponseCode.ORIGINAL_NOT_FOUND);

        String origMsgId = inquire(QrFixture.FIXED_URL);
        q.m.f.clock.advance(QrFixture.INQUIRY_VALIDITY);
        assertThat(pay(payment(origMsgId, QrFixture.FIXED_URL, "25").build()).code())
                .as("valid up to and including its last instant").isEqualTo(ResponseCode.APPROVED);
        q.m.f.clock.advance(Duration.ofMillis(1));
        Outcome late = pay(payment(origMsgId, QrFixture.FIXED_URL, "25").build());
        assertRefused(late, ResponseCode.ORIGINAL_NOT_FOUND);
        assertThat(late.responseMsg()).isEqualTo("origTrxMsgID: the QRC_INFO_INQUIRY is no longer valid");
    }

    @Test
    void whatDisagreesWithTheInquiryIs30() {
        String origMsgId = inquire(QrFixture.FIXED_URL);
        Outcome otherUrl = pay(payment(origMsgId, QrFixture.FIXED_URL + "1", "25").build());
        assertRefused(otherUrl, ResponseCode.FORMAT_ERROR);
        assertThat(otherUrl.responseMsg()).isEqualTo("mpqrcPayload: not the URL of the inquiry");
        assertRefused(pay(payment(origMsgId, QrFixture.OPEN_URL, "25").build()), ResponseCode.FORMAT_ERROR);
        assertRefused(pay(payment(origMsgId, QrFixture.FIXED_URL, "25").put("trxCurrency", "840").build()),
                ResponseCode.FORMAT_ERROR);
        Outcome otherMcc = pay(payment(origMsgId, QrFixture.FIXED_URL, "25")
                .put("merchantInfo", trx("mcc", "5999")).build());
        assertRefused(otherMcc, ResponseCode.FORMAT_ERROR);
        assertThat(otherMcc.responseMsg()).isEqualTo("merchantInfo.mcc: not the order's");
        assertRefused(pay(payment(origMsgId, QrFixture.FIXED_URL, "25")
                .put("merchantInfo", trx("merchantName", "Another")).build()), ResponseCode.FORMAT_ERROR);
        assertThat(q.m.cbs.calls()).isEmpty();
    }

    @Test
    void missingOrMalformedFieldsAre30() {
        String origMsgId = inquire(QrFixture.FIXED_URL);
        for (String field : List.of("deviceID", "userID", "token", "origTrxMsgID", "trxAmt", "trxCurrency",
                "mpqrcPayload")) {
            Outcome outcome = pay(payment(origMsgId, QrFixture.FIXED_URL, "25").remove(field).build());
            assertThat(outcome.code()).as(field).isEqualTo(ResponseCode.FORMAT_ERROR);
            assertThat(outcome.responseMsg()).isEqualTo(field + ": is missing");
        }
        assertThat(pay(payment(origMsgId, QrFixture.FIXED_URL, "25").put("additionalData", "x").build())
                .responseMsg()).isEqualTo("additionalData: must be an object");
        assertThat(pay(payment(origMsgId, QrFixture.FIXED_URL, "25").put("couponInfo", "x").build())
                .responseMsg()).isEqualTo("couponInfo: must be an object");
        assertThat(pay(payment(origMsgId, QrFixture.FIXED_URL, "25").put("merchantInfo", trx("mcc", "58"))
                .build()).responseMsg()).isEqualTo("merchantInfo.mcc: must be 4 characters");
        assertThat(q.m.cbs.calls()).isEmpty();
    }

    @Test
    void cardChecksLimitsAndRestrictionsOfTheOrdersMerchant() {
        Outcome wrongDevice = pay(payment(inquire(QrFixture.FIXED_URL), QrFixture.FIXED_URL, "25")
                .put("deviceID", OTHER_DEVICE).build());
        assertThat(wrongDevice.code()).isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(wrongDevice.trxInfo()).isEqualTo(trx("deviceID", OTHER_DEVICE));
        assertRefused(pay(payment(inquire(QrFixture.FIXED_URL), QrFixture.FIXED_URL, "25")
                .put("token", MoneyFixture.tokenNumber(QrFixture.QR_WALLET, "99")).build()),
                ResponseCode.ENROLLMENT_NOT_FOUND);
        q.limits(MoneyFixture.amountLimits(2499, 0));
        assertRefused(payFixed("25"), ResponseCode.EXCEEDS_LIMIT);
        q.limits(MoneyFixture.blocking(Set.of("5811"), Set.of()));
        assertRefused(payFixed("25"), ResponseCode.RESTRICTED);
        q.limits(MoneyFixture.blocking(Set.of(), Set.of("156")));
        assertRefused(payFixed("25"), ResponseCode.RESTRICTED);
        q.limits(MoneyFixture.cutOff(LocalTime.of(9, 0), LocalTime.of(11, 0), ZoneId.of("UTC")));
        assertRefused(payFixed("25"), ResponseCode.CUT_OFF);
        assertThat(q.m.cbs.calls()).isEmpty();
    }

    @Test
    void cbsOutcomesArePassedOn() {
        q.m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        assertRefused(payFixed("25"), ResponseCode.INSUFFICIENT_BALANCE);
        q.m.cbs.noAnswer();
        assertRefused(payFixed("25"), ResponseCode.PENDING);
    }

    @Test
    void aPromotionLowersWhatIsChargedAndIsReported() {
        q.promotions.add("5811", 2000, 250, "10% off lunch");
        String origMsgId = inquire(QrFixture.FIXED_URL);
        Outcome outcome = pay(payment(origMsgId, QrFixture.FIXED_URL, "25").build());

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        List<TrxInfo> details = List.of(trx("discountAmt", "2.50", "discountNote", "10% off lunch"));
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE, "trxAmt", "22.50", "trxCurrency", "156",
                "qrcVoucherNo", "00000000000000000001", "discountDetails", details, "originalAmount", "25.00"));
        TrxInfo sent = q.m.cbs.onlyCall().call().trxInfo();
        assertThat(sent.string("trxAmt")).isEqualTo("22.50");
        assertThat(sent.list("discountDetails")).isEqualTo(details);
        assertThat(sent.string("originalAmount")).isEqualTo("25.00");
        assertThat(q.promotions.asked()).containsExactly(new FixedPromotions.Asked(card.issuerIin(),
                MessageType.MPQRC_PAYMENT_URL, "5811", 2500, "156"));
        assertThat(q.m.transactions.all()).singleElement().extracting(MoneyTransaction::amountMinor)
                .isEqualTo(2250L);
    }
}
