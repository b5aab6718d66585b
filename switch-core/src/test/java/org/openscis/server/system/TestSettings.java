package org.openscis.server.system;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.openscis.server.config.CbsConfig;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.config.LimitsConfig;
import org.openscis.server.config.MoneyConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.QrVerificationConfig;

/** Changes system suites make to the shipped configuration, so that expiries and timeouts come quickly. */
final class TestSettings {

    private TestSettings() {}

    /** An approved KYC can open an account for {@code validity} (then 95). */
    static UnaryOperator<OpenScisConfig> kycValidity(Duration validity) {
        return c -> money(c, new MoneyConfig(c.money().fxRatesFile(), validity, c.money().resolveBackoff(),
                c.money().resolveMaxBackoff()));
    }

    /**
     * Every issuer's CBS link: {@code callTimeout} per call, at most {@code connections} connections (and as many calls
     * in flight) and {@code queued} calls waiting for one.
     */
    static UnaryOperator<OpenScisConfig> cbsLink(Duration callTimeout, int connections, int queued) {
        return c -> c.withIssuers(c.issuers().stream().map(i -> {
            CbsConfig cbs = i.cbs();
            return new IssuerConfig(i.iin(), i.name(), i.products(), new CbsConfig(cbs.mode(), cbs.baseUrl(),
                    callTimeout, cbs.connectTimeout(), connections, connections, queued, cbs.paths(),
                    cbs.signingKeys(), cbs.encryptionKid(), cbs.encryptionKeyFile(), cbs.jweProfile(),
                    cbs.simulator()), i.merchants());
        }).toList());
    }

    /** The end-to-end deadline of one App Gateway request. */
    static UnaryOperator<OpenScisConfig> requestDeadline(Duration deadline) {
        return c -> {
            LimitsConfig l = c.limits();
            LimitsConfig limits = new LimitsConfig(l.maxBodyBytes(), l.maxHeaderBytes(), l.workerThreads(),
                    l.workerQueueLength(), l.maxQueueWait(), deadline, l.idleTimeout(), l.maxConnections());
            return new OpenScisConfig(c.dataDir(), c.listeners(), limits, c.security(), c.switchKeys(),
                    c.participants(), c.issuers(), c.storage(), c.observability(), c.money(), c.outbox(), c.qr());
        };
    }

    /** The background resolver retries an unsettled inquiry after {@code backoff}, doubling. */
    static UnaryOperator<OpenScisConfig> resolveBackoff(Duration backoff) {
        return c -> money(c, new MoneyConfig(c.money().fxRatesFile(), c.money().kycValidity(), backoff,
                c.money().resolveMaxBackoff()));
    }

    private static OpenScisConfig money(OpenScisConfig c, MoneyConfig money) {
        return new OpenScisConfig(c.dataDir(), c.listeners(), c.limits(), c.security(), c.switchKeys(),
                c.participants(), c.issuers(), c.storage(), c.observability(), money, c.outbox(), c.qr());
    }

    /** CPQRC_PAYMENT waits this long for the cardholder; other nodes' verdicts are looked for every {@code poll}. */
    static UnaryOperator<OpenScisConfig> qrVerification(Duration timeout, Duration poll) {
        return c -> new OpenScisConfig(c.dataDir(), c.listeners(), c.limits(), c.security(), c.switchKeys(),
                c.participants(), c.issuers(), c.storage(), c.observability(), c.money(), c.outbox(),
                c.qr().withVerification(new QrVerificationConfig(timeout, poll)));
    }
}
