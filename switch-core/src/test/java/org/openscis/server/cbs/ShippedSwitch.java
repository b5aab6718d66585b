package org.openscis.server.cbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.SwitchServer;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.CallbackReceiver;
import org.openscis.server.client.ClientIdentity;
import org.openscis.server.client.ClientOptions;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TestConfigs;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;

/**
 * A real switch on a copy of the shipped configuration (edited by the test) with free ports and its data directory
 * under {@code root}, an App Gateway client that knows only the generated profile, and a callback receiver the
 * switch's callbacks go to.
 */
final class ShippedSwitch implements AutoCloseable {

    final Path dataDir;
    final OpenScisConfig config;
    final SwitchServer server;
    final AppGatewayClient client;
    final CallbackReceiver callbacks;

    private ShippedSwitch(Path dataDir, OpenScisConfig config, SwitchServer server, AppGatewayClient client,
            CallbackReceiver callbacks) {
        this.dataDir = dataDir;
        this.config = config;
        this.server = server;
        this.client = client;
        this.callbacks = callbacks;
    }

    /** {@code root/conf}: the shipped configuration directory, {@code openscis.yaml} passed through {@code edit}. */
    static Path configCopy(Path root, UnaryOperator<String> edit) throws IOException {
        Path shipped = TestConfigs.shipped().getParent();
        Path conf = root.resolve("conf");
        try (Stream<Path> files = Files.walk(shipped)) {
            files.forEach(from -> {
                Path to = conf.resolve(shipped.relativize(from).toString());
                try {
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path yaml = conf.resolve("openscis.yaml");
        Files.writeString(yaml, edit.apply(Files.readString(yaml)));
        return yaml;
    }

    /** Starts the switch on {@code yaml} with its data directory at {@code root/data}. */
    static ShippedSwitch start(Path root, Path yaml) throws Exception {
        Path dataDir = root.resolve("data");
        // Development keys and the client profile first: the receiver verifies the switch's callbacks with them.
        load(yaml, dataDir, Map.of());
        ClientProfile profile = ClientProfile.load(dataDir.resolve(DevKeyBootstrap.PROFILE_DIR));
        CallbackReceiver callbacks = CallbackReceiver.start(ClientIdentity.of(profile));
        SwitchServer server = null;
        try {
            OpenScisConfig cfg = load(yaml, dataDir,
                    Map.of("OPENSCIS_APPGW_CALLBACK_URL", callbacks.url() + "/callback"));
            server = SwitchServer.start(cfg, Clock.systemUTC());
            ClientProfile local = profile.withBaseUrl("http://127.0.0.1:" + server.httpPort());
            AppGatewayClient client = AppGatewayClient.forProfile(local,
                    ClientOptions.builder(local.baseUrl()).maxConnections(4).build());
            return new ShippedSwitch(dataDir, cfg, server, client, callbacks);
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            callbacks.close();
            throw e;
        }
    }

    private static OpenScisConfig load(Path yaml, Path dataDir, Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("OPENSCIS_HTTP_PORT", "0", "OPENSCIS_ADMIN_PORT",
                "0"));
        env.putAll(extraEnv);
        return ConfigLoader.builder().env(env::get).dataDirOverride(dataDir).beforeFileChecks(new DevKeyBootstrap())
                .build().load(yaml);
    }

    /** Sends one message; its response must carry a valid switch signature. */
    SignedExchange call(String msgType, TrxInfo trx, String msgId) throws Exception {
        SignedExchange ex = client.call(msgType, trx, msgId).get(30, TimeUnit.SECONDS);
        assertThat(ex.signatureValid()).as("response signature: " + ex.signatureReason()).isTrue();
        return ex;
    }

    /** KYC and OPEN_ACCOUNT for a new user of the shipped product: the new token (its account holds 100.00). */
    String openAccount(String deviceId, String userId) throws Exception {
        String kycMsgId = client.newMsgId();
        SignedExchange kyc = call("KYC_VERIFICATION", TrxInfo.builder().put("deviceID", deviceId).put("userID", userId)
                .put("cvmInfo", TrxInfo.builder().put("firstName", "Test").put("lastName", "User")
                        .put("idType", "ID card").put("idNo", "ID" + deviceId).put("idCountry", "344").build())
                .build(), kycMsgId);
        assertThat(kyc.responseCode()).as("KYC_VERIFICATION").isEqualTo("00");
        SignedExchange open = call("OPEN_ACCOUNT", TrxInfo.builder().put("deviceID", deviceId).put("userID", userId)
                .put("origMsgID", kycMsgId).put("origReferNo", kyc.trxInfo().string("referNo")).build(),
                client.newMsgId());
        assertThat(open.responseCode()).as("OPEN_ACCOUNT").isEqualTo("00");
        return client.decryptResponseFields(open.trxInfo()).trxInfo().string("token");
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                server.close();
            } finally {
                callbacks.close();
            }
        }
    }
}
