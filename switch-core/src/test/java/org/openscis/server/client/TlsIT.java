package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https to a server with a self-signed certificate for {@code localhost}. */
class TlsIT {

    private static SelfSignedCertificate cert;
    private static FakeSwitch server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        cert = new SelfSignedCertificate("localhost");
        SslContext ssl = SslContextBuilder.forServer(cert.certificate(), cert.privateKey()).build();
        server = FakeSwitch.startTls(ssl);
    }

    @AfterAll
    static void stop() {
        server.close();
        cert.delete();
    }

    private static int statusWith(ClientOptions.Builder options) throws Exception {
        try (AppGatewayClient client = new AppGatewayClient(options.ioThreads(1)
                .requestTimeout(Duration.ofSeconds(5)).build(), TestKeys.client())) {
            return client.send("/scis/switch/cvminquiry", new byte[0], Map.of()).get(10, TimeUnit.SECONDS).status();
        }
    }

    @Test
    void anInsecureDevClientAcceptsAnyCertificate() throws Exception {
        assertThat(statusWith(ClientOptions.builder(server.url()).insecureTls(true))).isEqualTo(200);
    }

    @Test
    void aTrustStoreWithTheCertificateIsTrusted() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("switch", cert.cert());
        Path store = tmp.resolve("trust.p12");
        try (OutputStream o = Files.newOutputStream(store)) {
            ks.store(o, "changeit".toCharArray());
        }

        assertThat(statusWith(ClientOptions.builder(server.url()).trustStore(store, "changeit".toCharArray())))
                .isEqualTo(200);
    }

    @Test
    void anUntrustedCertificateFailsTheHandshake() {
        try {
            statusWith(ClientOptions.builder(server.url()));
            throw new AssertionError("expected a handshake failure");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ConnectionClosedException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
            assertThat(e.getCause()).cause().isInstanceOf(SSLHandshakeException.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnreadableTrustStoreIsNamed() {
        Path missing = tmp.resolve("missing.p12");
        try {
            statusWith(ClientOptions.builder(server.url()).trustStore(missing, null));
            throw new AssertionError("expected a failure");
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("missing.p12");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
