package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.SwitchServer;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.ClientOptions;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.ListenerConfig;
import org.openscis.server.config.ListenersConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TlsConfig;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;

/** The App Gateway listener with TLS from configuration (TLS 1.3 only here), exercised by the real client. */
class SwitchTlsIT {

    private static SwitchServer start(Path dataDir, TlsConfig tls) throws Exception {
        OpenScisConfig loaded = ConfigLoader.builder()
                .env(Map.of("OPENSCIS_HTTP_PORT", "0", "OPENSCIS_ADMIN_PORT", "0")::get).dataDirOverride(dataDir)
                .beforeFileChecks(new DevKeyBootstrap()).build().load(Path.of("..", "conf", "openscis.yaml"));
        ListenerConfig http = new ListenerConfig("127.0.0.1", 0, tls);
        return SwitchServer.start(loaded.withListeners(new ListenersConfig(http, loaded.listeners().admin())),
                Clock.systemUTC());
    }

    @Test
    void mutualTlsAdmitsOnlyClientsWithATrustedCertificate() throws Exception {
        Path dataDir = Files.createTempDirectory("openscis-mtls-");
        SelfSignedCertificate serverCert = new SelfSignedCertificate("localhost");
        SelfSignedCertificate clientCert = new SelfSignedCertificate("appgw.example");
        TlsConfig tls = new TlsConfig(serverCert.certificate().getPath(), serverCert.privateKey().getPath(),
                clientCert.certificate().getPath(), null);
        try (SwitchServer server = start(dataDir, tls)) {
            ClientProfile profile = ClientProfile.load(dataDir.resolve(DevKeyBootstrap.PROFILE_DIR));
            String url = "https://127.0.0.1:" + server.httpPort();
            try (AppGatewayClient client = AppGatewayClient.forProfile(profile.withBaseUrl(url),
                    ClientOptions.builder(url).insecureTls(true).clientCertificate(clientCert.certificate().toPath(),
                            clientCert.privateKey().toPath()).build())) {
                assertThat(client.call("CVM_INQUIRY", TrxInfo.EMPTY).join().responseCode()).isEqualTo("00");
            }
            try (AppGatewayClient anonymous = AppGatewayClient.forProfile(profile.withBaseUrl(url),
                    ClientOptions.builder(url).insecureTls(true).requestTimeout(java.time.Duration.ofSeconds(3))
                            .build())) {
                assertThatThrownBy(() -> anonymous.call("CVM_INQUIRY", TrxInfo.EMPTY).join())
                        .as("no client certificate, no exchange").isNotNull();
            }
        } finally {
            serverCert.delete();
            clientCert.delete();
        }
    }

    @Test
    void signedExchangeOverTls() throws Exception {
        Path dataDir = Files.createTempDirectory("openscis-tls-");
        SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
        TlsConfig tls = new TlsConfig(cert.certificate().getPath(), cert.privateKey().getPath(), null,
                List.of("TLSv1.3"));
        try (SwitchServer server = start(dataDir, tls)) {
            ClientProfile profile = ClientProfile.load(dataDir.resolve(DevKeyBootstrap.PROFILE_DIR));
            String url = "https://127.0.0.1:" + server.httpPort();
            try (AppGatewayClient client = AppGatewayClient.forProfile(profile.withBaseUrl(url),
                    ClientOptions.builder(url).insecureTls(true).build())) {
                SignedExchange ex = client.call("CVM_INQUIRY", TrxInfo.EMPTY).join();
                assertThat(ex.responseCode()).isEqualTo("00");
                assertThat(ex.signatureValid()).isTrue();
            }
            String plain = "http://127.0.0.1:" + server.httpPort();
            try (AppGatewayClient client = AppGatewayClient.forProfile(profile.withBaseUrl(plain),
                    ClientOptions.builder(plain).requestTimeout(java.time.Duration.ofSeconds(3)).build())) {
                assertThatThrownBy(() -> client.call("CVM_INQUIRY", TrxInfo.EMPTY).join())
                        .as("plain HTTP to a TLS listener gets no answer").isNotNull();
            }
        } finally {
            cert.delete();
        }
    }
}
