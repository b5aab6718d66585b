package org.openscis.server.client;

import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.openscis.codec.jose.JweProfile;

/**
 * Transport and behaviour settings of an {@link AppGatewayClient}. Build with {@link #builder(String)}; every limit
 * has a default that suits the CLI and system tests.
 *
 * @param baseUrl            {@code http://host:port} or {@code https://host:port}, optionally with a path prefix
 * @param maxConnections     keep-alive connections opened at most (each carries one request at a time)
 * @param maxQueuedRequests  requests allowed to wait for a free connection; 0 fails fast when all are busy
 * @param requestTimeout     from {@code send} to a complete response, including queueing and connecting
 * @param connectTimeout     TCP connect timeout
 * @param maxResponseBytes   a larger response body fails the request with {@link ResponseTooLargeException}
 * @param trustStore         PKCS#12 or JKS trust store for https; null uses the JDK's default trust
 * @param trustStorePassword password of the trust store (may be null)
 * @param insecureTls        development only: trust any server certificate and skip host name checks
 * @param ioThreads          event loop threads when the client owns its group
 * @param sharedGroup        an event loop group to run on instead of an owned one (not shut down by close)
 * @param clock              for msgInfo.timeStamp, msgIDs, UPI-TIMESTAMP and the response timestamp check
 * @param maxClockSkew       a response UPI-TIMESTAMP further than this from our clock fails verification
 * @param jweProfile         algorithms used to encrypt sensitive fields to the switch
 * @param clientCertFile     PEM certificate chain presented for mutual TLS (leased lines); null presents none
 * @param clientKeyFile      PEM PKCS#8 private key of {@code clientCertFile}
 */
public record ClientOptions(URI baseUrl, int maxConnections, int maxQueuedRequests, Duration requestTimeout,
        Duration connectTimeout, int maxResponseBytes, Path trustStore, char[] trustStorePassword,
        boolean insecureTls, int ioThreads, EventLoopGroup sharedGroup, Clock clock, Duration maxClockSkew,
        JweProfile jweProfile, Path clientCertFile, Path clientKeyFile) {

    public static final int DEFAULT_MAX_CONNECTIONS = 4;
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(300);

    public ClientOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUrl must be http:// or https://, got " + baseUrl);
        }
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl has no host: " + baseUrl);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        if (maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxQueuedRequests must not be negative");
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(maxClockSkew, "maxClockSkew");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jweProfile, "jweProfile");
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    public boolean https() {
        return baseUrl.getScheme().equalsIgnoreCase("https");
    }

    public String host() {
        return baseUrl.getHost();
    }

    public int port() {
        return baseUrl.getPort() > 0 ? baseUrl.getPort() : https() ? 443 : 80;
    }

    /** The path prefix of the base URL without a trailing slash ("" when none). */
    public String pathPrefix() {
        String p = baseUrl.getRawPath();
        if (p == null || p.isEmpty() || p.equals("/")) {
            return "";
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Override
    public String toString() {
        return "ClientOptions[baseUrl=" + baseUrl + ", maxConnections=" + maxConnections + ", maxQueuedRequests="
                + maxQueuedRequests + ", requestTimeout=" + requestTimeout + ", maxResponseBytes=" + maxResponseBytes
                + ", insecureTls=" + insecureTls + "]";
    }

    public static Builder builder(String baseUrl) {
        return new Builder(URI.create(baseUrl));
    }

    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** Mutable builder with the defaults above. */
    public static final class Builder {
        private final URI baseUrl;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxQueuedRequests = DEFAULT_MAX_QUEUED_REQUESTS;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Path trustStore;
        private char[] trustStorePassword;
        private boolean insecureTls;
        private int ioThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
        private EventLoopGroup sharedGroup;
        private Clock clock = Clock.systemDefaultZone();
        private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
        private JweProfile jweProfile = JweProfile.RSA_OAEP_256_A128GCM;
        private Path clientCertFile;
        private Path clientKeyFile;

        private Builder(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public Builder maxQueuedRequests(int v) {
            maxQueuedRequests = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder maxResponseBytes(int v) {
            maxResponseBytes = v;
            return this;
        }

        public Builder trustStore(Path path, char[] password) {
            trustStore = path;
            trustStorePassword = password;
            return this;
        }

        public Builder insecureTls(boolean v) {
            insecureTls = v;
            return this;
        }

        public Builder ioThreads(int v) {
            ioThreads = v;
            return this;
        }

        public Builder sharedGroup(EventLoopGroup v) {
            sharedGroup = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder maxClockSkew(Duration v) {
            maxClockSkew = v;
            return this;
        }

        public Builder jweProfile(JweProfile v) {
            jweProfile = v;
            return this;
        }

        /** Presents this certificate (PEM chain) and key (PEM PKCS#8) when the server asks for one (mutual TLS). */
        public Builder clientCertificate(Path certFile, Path keyFile) {
            clientCertFile = certFile;
            clientKeyFile = keyFile;
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(baseUrl, maxConnections, maxQueuedRequests, requestTimeout, connectTimeout,
                    maxResponseBytes, trustStore, trustStorePassword, insecureTls, ioThreads, sharedGroup, clock,
                    maxClockSkew, jweProfile, clientCertFile, clientKeyFile);
        }
    }
}
