package org.openscis.server.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.server.SwitchServer;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.CallbackReceiver;
import org.openscis.server.client.ClientIdentity;
import org.openscis.server.client.ClientOptions;
import org.openscis.server.client.ReceivedCallback;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;
import org.openscis.server.storage.CardStateChange;

/**
 * End to end on the shipped configuration (H2): a card enrolled over HTTP, then suspended by the issuer through
 * {@link SwitchServer#cardStates()} (what {@code openscis card state} does with the switch stopped), and the running
 * dispatcher delivers the signed CARD_STATUS_NOTIFICATION to the App Gateway's callback receiver.
 */
class CardStatusNotificationIT {

    private static final String ACCOUNT = "100000000001";
    private static final String DEVICE = "dev-card-state-it";
    private static final String USER = "3329941324335104";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private Path dataDir;
    private CallbackReceiver receiver;
    private SwitchServer server;
    private AppGatewayClient client;
    private ClientProfile profile;

    @BeforeEach
    void start() throws Exception {
        dataDir = Files.createTempDirectory("openscis-card-state-");
        // the first load generates the development keys and the App Gateway profile the receiver needs
        load(Map.of());
        profile = ClientProfile.load(dataDir.resolve(DevKeyBootstrap.PROFILE_DIR));
        receiver = CallbackReceiver.start(ClientIdentity.of(profile), new InetSocketAddress("127.0.0.1", 0));
        OpenScisConfig cfg = load(Map.of("OPENSCIS_APPGW_CALLBACK_URL", receiver.url() + "/callback"));
        server = SwitchServer.start(cfg, Clock.systemUTC());
        profile = profile.withBaseUrl("http://127.0.0.1:" + server.httpPort());
        client = AppGatewayClient.forProfile(profile, ClientOptions.builder(profile.baseUrl()).maxConnections(2)
                .build());
    }

    private OpenScisConfig load(Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("OPENSCIS_HTTP_PORT", "0",
                "OPENSCIS_ADMIN_PORT", "0"));
        env.putAll(extraEnv);
        return ConfigLoader.builder().env(env::get).dataDirOverride(dataDir).beforeFileChecks(new DevKeyBootstrap())
                .build().load(Path.of("..", "conf", "openscis.yaml"));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private SignedExchange call(String type, TrxInfo trx) {
        SignedExchange ex = client.call(type, trx).join();
        assertThat(ex.signatureValid()).as(ex.signatureReason()).isTrue();
        return ex;
    }

    private TrxInfo tokenRequest(String token) {
        return TrxInfo.builder().put("deviceID", DEVICE).put("userID", USER).put("token", token).build();
    }

    @Test
    void theWalletIsToldWhenTheIssuerSuspendsTheCardAndTheCardThenAnswersLost() throws Exception {
        SignedExchange enrolled = call("CARD_ENROLLMENT", TrxInfo.builder().put("deviceID", DEVICE)
                .put("userID", USER).put("prdNo", "1003")
                .put("cvmInfo", TrxInfo.builder().put("accountNo", ACCOUNT).put("firstName", "Chen")
                        .put("lastName", "Kai").build()).build());
        assertThat(enrolled.responseCode()).isEqualTo("00");
        String token = enrolled.trxInfo().string("token");
        String cardId = server.database().dsl().fetchValue("SELECT card_id FROM tokens WHERE token = ?", token)
                .toString();

        CardStateChange change = server.cardStates().changeCard(cardId, CardState.SUSPENDED, StateReason.LOST,
                Clock.systemUTC().instant());

        assertThat(change.notified()).hasSize(1);
        ReceivedCallback callback = receiver.poll(WAIT);
        assertThat(callback).as("a callback within " + WAIT).isNotNull();
        assertThat(callback.msgType()).isEqualTo("CARD_STATUS_NOTIFICATION");
        assertThat(callback.signatureValid()).isTrue();
        assertThat(callback.msgID()).startsWith("U" + profile.insId());
        assertThat(callback.trxInfo().string("token")).isEqualTo(token);
        assertThat(callback.trxInfo().string("tokenState")).isEqualTo("SUSPENDED");
        assertThat(call("CARD_STATUS_INQUIRY", tokenRequest(token)).trxInfo().string("cardStatus"))
                .isEqualTo("SUSPENDED");
        assertThat(call("CARD_STATUS_MANAGEMENT", tokenRequest(token).toBuilder().put("tokenAction", "RESUME")
                .build()).responseCode()).isEqualTo("21");
    }
}
