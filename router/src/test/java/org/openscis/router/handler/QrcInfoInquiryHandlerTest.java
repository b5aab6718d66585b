package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.UrlInquiry;
import org.openscis.router.testing.QrFixture;

class QrcInfoInquiryHandlerTest {

    private final QrFixture q = new QrFixture();
    private final Handler handler = q.handler(MessageType.QRC_INFO_INQUIRY);

    private Request inquiry(String payload) {
        return q.request(MessageType.QRC_INFO_INQUIRY, trx("deviceID", DEVICE, "userID", USER,
                "mpqrcPayload", payload));
    }

    @Test
    void aFixedAmountCodeAnswersEveryOrderFieldAndIsRecorded() {
        Request request = inquiry(QrFixture.FIXED_URL);
        Outcome outcome = run(handler, request);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isEqualTo(trx("trxAmt", "25.00", "trxCurrency", "156", "qrcUseCase", "10",
                "merchantName", "Test Merchant", "mcc", "5811", "merchantCountry", "156", "merchantCity", "Shanghai",
                "postalCode", "200000", "languagePreference", "ZH", "merchantNameAL", "测试商户",
                "merchantCityAL", "上海", "terminalID", "T0000001"));
        UrlInquiry recorded = q.inquiries.find(WALLET_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(recorded).isEqualTo(new UrlInquiry(WALLET_ID, request.msgInfo().msgID(), QrFixture.FIXED_URL,
                QrFixture.FIXED, DEVICE, request.receivedAt()));
    }

    @Test
    void anOpenAmountCodeHasNoAmountButItsUpperLimitAndOnlyTheFieldsTheHostHas() {
        Outcome outcome = run(handler, inquiry(QrFixture.OPEN_URL));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        TrxInfo answer = outcome.trxInfo();
        assertThat(answer.names()).containsExactly("trxCurrency", "qrcUseCase", "upperLimitAmt", "merchantName",
                "mcc", "merchantCountry", "merchantCity");
        assertThat(answer.string("upperLimitAmt")).isEqualTo("500.00");
    }

    @Test
    void aCodeTheHostDoesNotKnowIs03AndNotRecorded() {
        Outcome outcome = run(handler, inquiry(QrFixture.UNKNOWN_URL));
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_MERCHANT);
        assertThat(q.inquiries.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://qr.95516.com/00010000/62000000000000000000000001",
        "https://qr.95516.com.evil.example/00010000/62000000000000000000000001",
        "https://qr.95516.com/00010000/62000000000000000000000001?x=1",
        "https://qr.95516.com/qrcGtwWeb-web/api/userAuth",
        "000201010211153125000344000203445000344701100015204701153033445802HK5916DiscountTesting6008Hongkong6304F153"})
    void aPayloadThatIsNotAUnionPayUrlCodeIs30(String payload) {
        Outcome outcome = run(handler, inquiry(payload));
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo("mpqrcPayload: not a UnionPay URL-mode QR code");
        assertThat(q.inquiries.size()).isZero();
    }

    @Test
    void missingOrMalformedFieldsAre30() {
        assertThat(run(handler, q.request(MessageType.QRC_INFO_INQUIRY, trx("deviceID", DEVICE, "userID", USER)))
                .responseMsg()).isEqualTo("mpqrcPayload: is missing");
        assertThat(run(handler, q.request(MessageType.QRC_INFO_INQUIRY, trx("userID", USER,
                "mpqrcPayload", QrFixture.FIXED_URL))).responseMsg()).isEqualTo("deviceID: is missing");
        assertThat(run(handler, q.request(MessageType.QRC_INFO_INQUIRY, trx("deviceID", DEVICE,
                "mpqrcPayload", QrFixture.FIXED_URL))).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(run(handler, inquiry("x".repeat(513))).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(q.inquiries.size()).isZero();
    }
}
