package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.testing.RouterFixture;

class CvmInquiryHandlerTest {

    private final RouterFixture f = new RouterFixture();
    private final CvmInquiryHandler handler = new CvmInquiryHandler(f.catalog);

    @Test
    void answersTheParticipantsCvmFieldsForAnEmptyTrxInfo() {
        Outcome outcome = run(handler, f.request(MessageType.CVM_INQUIRY, TrxInfo.EMPTY));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().list("cvm")).containsExactly("firstName", "lastName", "idType", "idNo", "idCountry");
        assertThat(outcome.trxInfo().names()).containsExactly("cvm");
    }

    @Test
    void acceptsAnAbsentTrxInfo() {
        Outcome outcome = run(handler, f.request(MessageType.CVM_INQUIRY, null));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().list("cvm")).hasSize(5);
    }

    @Test
    void acceptsDeviceAndUser() {
        Outcome outcome = run(handler, f.request(MessageType.CVM_INQUIRY,
                trx("deviceID", RouterFixture.DEVICE, "userID", RouterFixture.USER)));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aParticipantWithoutConfiguredFieldsGetsAnEmptyList() {
        Outcome outcome = run(handler, f.request(MessageType.CVM_INQUIRY, f.otherWallet, TrxInfo.EMPTY));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().list("cvm")).isEqualTo(List.of());
    }

    @Test
    void aMalformedOptionalFieldIs30() {
        Outcome outcome = run(handler, f.request(MessageType.CVM_INQUIRY, trx("deviceID", "x".repeat(65))));
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).startsWith("deviceID");
    }
}
