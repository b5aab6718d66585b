package org.openscis.server.client;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.ssl.TrustManagerFactory;

/** Builds the client's TLS context from {@link ClientOptions}: JDK default trust, a trust store, or (dev) none. */
final class TlsContexts {

    private TlsContexts() {}

    /** Null for plain http. Throws IllegalArgumentException naming the trust store when it cannot be read. */
    static SslContext forOptions(ClientOptions options) {
        if (!options.https()) {
            return null;
        }
        try {
            SslContextBuilder b = SslContextBuilder.forClient().protocols("TLSv1.3", "TLSv1.2");
            if (options.insecureTls()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                b.endpointIdentificationAlgorithm("HTTPS");
                if (options.trustStore() != null) {
                    b.trustManager(trustManagers(options));
                }
            }
            if (options.clientCertFile() != null) {
                b.keyManager(options.clientCertFile().toFile(), options.clientKeyFile().toFile());
            }
            return b.build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use trust store " + options.trustStore() + ": " + e.getMessage(),
                    e);
        }
    }

    private static TrustManagerFactory trustManagers(ClientOptions options)
            throws IOException, GeneralSecurityException {
        String name = options.trustStore().getFileName().toString().toLowerCase(Locale.ROOT);
        KeyStore ks = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(options.trustStore())) {
            ks.load(in, options.trustStorePassword());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf;
    }
}
