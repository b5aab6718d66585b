package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.cli.ExitCodes;
import org.openscis.server.cli.QrPayRequest;
import org.openscis.server.client.qr.QrVectors;

/** {@code client qr pay} against {@link FakeSwitch}: which messages go out, in which order, with what. */
class QrPayFlowIT {

    private static final String URL = "https://qr.95516.com/00010000/62000000000000000000000001";

    private FakeSwitch server;
    private AppGatewayClient client;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        server = FakeSwitch.start();
        server.respond(new SignedEcho());
        client = new AppGatewayClient(ClientOptions.builder(server.url().toString()).ioThreads(1)
                .requestTimeout(Duration.ofSeconds(5)).build(), TestKeys.client());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private int pay(String payload, String amount, String tip) {
        return new QrPayFlow(new ClientCommandRunner(Map.<String, String>of()::get)).pay(client,
                new QrPayRequest(SignedEcho.TOKEN, "dev-1", "usr-1", payload, amount, tip), out);
    }

    private TrxInfo sentTrx(int index) {
        DecodeResult decoded = new EnvelopeCodec().decode(server.requests().get(index).body());
        return ((DecodeResult.Ok) decoded).envelope().trxInfoOrEmpty();
    }

    @Test
    void anEmvCodeIsOneMpqrcPaymentEmvCarryingWhatTheCodeSays() {
        String payload = QrVectors.validMpm("mpm-p02-rrtx-hk-restored");

        assertThat(pay(payload, "1.00", null)).isEqualTo(ExitCodes.OK);

        assertThat(server.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/scis/switch/qremvpayment"));
        TrxInfo trx = sentTrx(0);
        assertThat(trx.string("mpqrcPayload")).isEqualTo(payload);
        assertThat(trx.object("merchantInfo").string("mid")).isEqualTo("500034470110001");
        assertThat(trx.object("additionalData").string("terminalLabel")).isEqualTo("88888888");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("< msgResponse 00 Approved");
    }

    @Test
    void aCodeTheWalletWouldNotPaySendsNothing() {
        assertThat(pay(QrVectors.validMpm("mpm-p14-emvco-annex-b"), null, null)).isEqualTo(ExitCodes.FAILED);
        assertThat(pay(URL, null, "1.00")).isEqualTo(ExitCodes.FAILED);

        assertThat(server.requests()).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("error: the QR has no UnionPay merchant account")
                .contains("error: a URL-mode code takes no tip");
    }

    @Test
    void aUrlCodeIsInquiredFirstAndNotPaidWhenTheAnswerHasNoOrder() {
        // the fake switch approves the inquiry but returns no order: the wallet stops after it
        assertThat(pay(URL, null, null)).isEqualTo(ExitCodes.FAILED);

        assertThat(server.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/scis/switch/qrcinfoinquiry"));
        assertThat(sentTrx(0).string("mpqrcPayload")).isEqualTo(URL);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("error: the order has no known currency");
    }

    @Test
    void anUnreachableSwitchIsAnIoFailure() {
        server.close();

        assertThat(pay(URL, null, null)).isEqualTo(ExitCodes.IO);
    }
}
