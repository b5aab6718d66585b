package org.openscis.server.cbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.CbsSimulator;
import org.openscis.server.client.ReceivedCallback;
import org.openscis.server.client.SignedExchange;

/**
 * Cash handed out against a cash-out token at the embedded simulator's fixed admin port ({@code simulator.port}, as
 * an operator or the demo would) reaches the wallet as a TRX_RESULT_NOTIFICATION with {@code trxMsgType} WITHDRAW,
 * once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashOutWithdrawalIT {

    private static final String IIN = "62000001";
    private static final String AGENT = "AGENT0000000001";
    private static final String DEVICE = "cash-out-device";
    private static final String USER = "cash-out-user";

    private ShippedSwitch sw;
    private int simPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            simPort = probe.getLocalPort();
        }
        Path yaml = ShippedSwitch.configCopy(root, text -> {
            String embedded = "    cbs:\n      mode: embedded ";
            assertThat(text).contains(embedded);
            return text.replace(embedded, "    cbs:\n      simulator:\n        port: " + simPort
                    + "\n      mode: embedded ");
        });
        sw = ShippedSwitch.start(root, yaml);
    }

    @AfterAll
    void stop() {
        if (sw != null) {
            sw.close();
        }
    }

    @Test
    void theWalletIsToldOnceWhenTheCashIsHandedOut() throws Exception {
        CbsSimulator sim = sw.server.cbsLinks().simulator(IIN).orElseThrow();
        assertThat(sim.port()).as("the configured port").isEqualTo(simPort);
        String token = sw.openAccount(DEVICE, USER);
        String cashOutMsgId = sw.client.newMsgId();
        SignedExchange cashOut = sw.call("GET_CASH_OUT_TOKEN", TrxInfo.builder().put("deviceID", DEVICE)
                .put("userID", USER).put("token", token).put("trxTokenType", "WITHDRAW").put("trxAmt", "10.00")
                .put("trxCurrency", "344").build(), cashOutMsgId);
        assertThat(cashOut.responseCode()).isEqualTo("00");
        TrxInfo reply = sw.client.decryptResponseFields(cashOut.trxInfo()).trxInfo();
        String trxToken = reply.string("trxToken");
        long agentBefore = sim.ledger().balanceMinor(AGENT);
        AtomicReference<String> listenerThread = new AtomicReference<>();
        sim.onWithdrawal(w -> listenerThread.compareAndSet(null, Thread.currentThread().getName()));

        HttpResponse<String> withdrawn = withdraw(trxToken);

        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("\"result\":\"WITHDRAWN\"").contains("\"responseCode\":\"00\"");
        assertThat(sim.ledger().balanceMinor(AGENT)).isEqualTo(agentBefore + 1_000);
        assertThat(sim.ledger().holdState(trxToken)).hasValue("WITHDRAWN");
        assertThat(withdrawalRows()).as("recorded before the simulator answered").isEqualTo(1);
        assertThat(listenerThread.get()).as("listeners run on a simulator worker, never an event loop")
                .startsWith("cbs-sim-worker");

        await().atMost(Duration.ofSeconds(20)).until(() -> !withdrawCallbacks().isEmpty());
        ReceivedCallback callback = withdrawCallbacks().get(0);
        assertThat(callback.signatureValid()).isTrue();
        assertThat(callback.msgID()).startsWith("U" + sw.config.participants().get(0).insId());
        TrxInfo notice = callback.trxInfo();
        assertThat(notice.string("deviceID")).isEqualTo(DEVICE);
        assertThat(notice.string("token")).isEqualTo(token);
        assertThat(notice.string("trxMsgType")).isEqualTo("WITHDRAW");
        assertThat(notice.string("origMsgID")).isEqualTo(cashOutMsgId);
        assertThat(notice.string("origTrxType")).isEqualTo("GET_CASH_OUT_TOKEN");
        assertThat(notice.string("trxAmt")).isEqualTo("10.00");
        assertThat(notice.string("trxCurrency")).isEqualTo("344");
        assertThat(notice.string("merchantName")).isEqualTo("Demo Agent");
        assertThat(notice.string("paymentStatus")).isEqualTo("APPROVED");
        assertThat(notice.string("rejectionReason")).isEqualTo("APPROVED");
        assertThat(notice.string("referNo")).isEqualTo(reply.string("referNo"));
        assertThat(callback.bodyText()).doesNotContain(trxToken);

        HttpResponse<String> again = withdraw(trxToken);
        assertThat(again.body()).contains("\"result\":\"ALREADY_WITHDRAWN\"");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> withdrawCallbacks().size() == 1);
        assertThat(withdrawalRows()).isEqualTo(1);
    }

    private HttpResponse<String> withdraw(String trxToken) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + "/sim/withdraw"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"trxToken\":\"" + trxToken + "\",\"agentMid\":\""
                        + AGENT + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<ReceivedCallback> withdrawCallbacks() {
        return sw.callbacks.received("TRX_RESULT_NOTIFICATION").stream()
                .filter(c -> "WITHDRAW".equals(c.trxInfo().string("trxMsgType")))
                .toList();
    }

    private long withdrawalRows() throws Exception {
        try (Connection c = sw.server.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cash_out_withdrawals")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
