package org.openscis.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the interpolated YAML tree into the configuration records, filling defaults and checking each value's shape
 * and range. Problems are collected, never thrown; the records it returns are complete enough for the remaining
 * checks even when some values were wrong.
 */
final class ConfigBinder {

    static final String DEFAULT_DATA_DIR = "./data";
    private static final Set<String> TLS_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    private static final Duration MAX_REQUEST_DEADLINE = Duration.ofMinutes(5);
    private static final Duration MAX_IDLE_TIMEOUT = Duration.ofHours(1);
    private static final Duration MAX_TIMESTAMP_SKEW = Duration.ofHours(1);
    private static final Duration MAX_RETENTION = Duration.ofDays(366);
    private static final int MIN_HEADER_BYTES = 1024;
    private static final int MAX_HEADER_BYTES = 1024 * 1024;

    private final Problems problems;
    private final Path configDir;
    private final Path workingDir;
    private final Path dataDirOverride;

    ConfigBinder(Problems problems, Path configDir, Path workingDir, Path dataDirOverride) {
        this.problems = problems;
        this.configDir = configDir;
        this.workingDir = workingDir;
        this.dataDirOverride = dataDirOverride;
    }

    OpenScisConfig bind(YamlNode root) {
        Fields top = Fields.of(root, "", problems);
        ConfigFilePaths paths = new ConfigFilePaths(configDir, dataDir(top));
        ListenersConfig listeners = listeners(top.mapping("listeners"), paths);
        LimitsConfig limits = limits(top.mapping("limits"));
        SecurityConfig security = security(top.mapping("security"));
        SwitchKeysConfig switchKeys = switchKeys(top.mapping("switchKeys"), paths);
        List<ParticipantConfig> participants = new ParticipantBinder(paths).participants(top, "participants");
        List<IssuerConfig> issuers = new IssuerBinder(paths, limits.requestDeadline()).issuers(top, "issuers");
        StorageConfig storage = storage(top.mapping("storage"), paths);
        ObservabilityConfig observability = observability(top.mapping("observability"));
        MoneyConfig money = money(top.mapping("money"), paths);
        OutboxConfig outbox = outbox(top.mapping("outbox"));
        QrConfig qr = new QrBinder(paths).qr(top.mapping("qr"));
        top.finish();
        return new OpenScisConfig(paths.dataDir().toString(), listeners, limits, security, switchKeys, participants,
                issuers, storage, observability, money, outbox, qr);
    }

    /** The override (CLI {@code --data-dir}) wins; a relative data directory is relative to the working directory. */
    private Path dataDir(Fields top) {
        String configured = top.text("dataDir", DEFAULT_DATA_DIR);
        Path chosen;
        if (dataDirOverride != null) {
            chosen = dataDirOverride;
        } else {
            try {
                chosen = Path.of(configured.isBlank() ? DEFAULT_DATA_DIR : configured);
            } catch (InvalidPathException e) {
                top.problem("dataDir", "is not a valid directory name: " + e.getReason());
                chosen = Path.of(DEFAULT_DATA_DIR);
            }
        }
        return workingDir.resolve(chosen).toAbsolutePath().normalize();
    }

    private ListenersConfig listeners(Fields f, ConfigFilePaths paths) {
        ListenerConfig http = listener(f.mapping("http"), ListenerConfig.defaultHttp(), paths);
        ListenerConfig admin = listener(f.mapping("admin"), ListenerConfig.defaultAdmin(), paths);
        f.finish();
        if (http.port() != 0 && http.port() == admin.port()) {
            problems.add(f.key("admin.port"), "must differ from listeners.http.port (" + http.port() + ")");
        }
        return new ListenersConfig(http, admin);
    }

    private ListenerConfig listener(Fields f, ListenerConfig defaults, ConfigFilePaths paths) {
        String host = f.text("host", defaults.host());
        if (host.isBlank()) {
            f.problem("host", "must be a host name or address");
        }
        int port = f.integer("port", defaults.port(), 0, 65_535);
        TlsConfig tls = f.has("tls") ? tls(f.mapping("tls"), paths) : null;
        f.node("tls");
        f.finish();
        return new ListenerConfig(host, port, tls);
    }

    private TlsConfig tls(Fields f, ConfigFilePaths paths) {
        String cert = f.required("certFile");
        String key = f.required("keyFile");
        String clientCa = f.text("clientCaFile");
        List<String> protocols = f.list("protocols", List.of("TLSv1.3", "TLSv1.2"), e -> {
            String p = e.text();
            if (p != null && !TLS_PROTOCOLS.contains(p)) {
                e.problem("must be TLSv1.3 or TLSv1.2, found \"" + p + "\"");
                return null;
            }
            return p;
        });
        f.rejectEmpty("protocols", "must name at least one protocol (leave it out for TLSv1.3 and TLSv1.2)");
        f.finish();
        return new TlsConfig(file(f, "certFile", cert, paths), file(f, "keyFile", key, paths),
                file(f, "clientCaFile", clientCa, paths), protocols);
    }

    private LimitsConfig limits(Fields f) {
        LimitsConfig d = LimitsConfig.defaults();
        LimitsConfig limits = new LimitsConfig(
                f.integer("maxBodyBytes", d.maxBodyBytes(), 1, LimitsConfig.MAX_BODY_BYTES_CEILING),
                f.integer("maxHeaderBytes", d.maxHeaderBytes(), MIN_HEADER_BYTES, MAX_HEADER_BYTES),
                f.integer("workerThreads", d.workerThreads(), 1, 1024),
                f.integer("workerQueueLength", d.workerQueueLength(), 1, 1_000_000),
                f.duration("maxQueueWait", d.maxQueueWait(), MAX_REQUEST_DEADLINE),
                f.duration("requestDeadline", d.requestDeadline(), MAX_REQUEST_DEADLINE),
                f.duration("idleTimeout", d.idleTimeout(), MAX_IDLE_TIMEOUT),
                f.integer("maxConnections", d.maxConnections(), 1, 1_000_000));
        f.finish();
        if (limits.maxQueueWait().compareTo(limits.requestDeadline()) > 0) {
            f.problem("maxQueueWait", "must not be longer than requestDeadline");
        }
        return limits;
    }

    private SecurityConfig security(Fields f) {
        SecurityConfig d = SecurityConfig.defaults();
        SecurityConfig security = new SecurityConfig(
                f.duration("timestampSkew", d.timestampSkew(), MAX_TIMESTAMP_SKEW),
                f.bool("lenientSignatureEncoding", d.lenientSignatureEncoding()),
                f.enumeration("reqPathCheck", SecurityConfig.ReqPathCheck.class, d.reqPathCheck()),
                f.duration("idempotencyRetention", d.idempotencyRetention(), MAX_RETENTION),
                f.integer("maxCardVerificationFailures", d.maxCardVerificationFailures(), 1,
                        SecurityConfig.MAX_CARD_VERIFICATION_FAILURES_CEILING),
                f.duration("cardVerificationWindow", d.cardVerificationWindow(),
                        SecurityConfig.MAX_CARD_VERIFICATION_WINDOW));
        f.finish();
        // A retention shorter than the accepted clock skew would forget a msgID while its request is still valid.
        if (security.idempotencyRetention().compareTo(security.timestampSkew()) <= 0) {
            f.problem("idempotencyRetention", "must be longer than security.timestampSkew ("
                    + Durations.format(security.timestampSkew()) + ")");
        }
        return security;
    }

    private SwitchKeysConfig switchKeys(Fields f, ConfigFilePaths paths) {
        String signingKid = kid(f, "signingKid", f.required("signingKid"));
        String signingFile = file(f, "signingKeyFile", f.required("signingKeyFile"), paths);
        Unique kids = new Unique("kid");
        kids.check(signingKid, f.key("signingKid"), problems);
        List<SwitchKeysConfig.KeyRef> encryption = f.list("encryptionKeys", List.of(), e -> {
            Fields ref = e.fields();
            if (ref == null) {
                return null;
            }
            String kid = kid(ref, "kid", ref.required("kid"));
            kids.check(kid, ref.key("kid"), problems);
            String file = file(ref, "file", ref.required("file"), paths);
            ref.finish();
            return new SwitchKeysConfig.KeyRef(kid, file);
        });
        f.requireElements("encryptionKeys", encryption,
                "is required: at least one {kid, file} the switch decrypts JWE fields with");
        String dataKeys = file(f, "dataKeysFile", f.text("dataKeysFile", "data:keys/data-keys.json"), paths);
        boolean generate = f.bool("generateIfMissing", false);
        f.finish();
        return new SwitchKeysConfig(signingKid, signingFile, encryption, dataKeys, generate);
    }

    private StorageConfig storage(Fields f, ConfigFilePaths paths) {
        String kind = f.text("kind", StorageConfig.H2).toLowerCase(Locale.ROOT);
        String h2File = f.text("h2File", "data:openscis");
        String url = f.text("url");
        String user = f.text("user");
        String password = f.text("password");
        int poolSize = f.integer("poolSize", 10, 1, 1000);
        f.finish();
        if (kind.equals(StorageConfig.H2)) {
            if (url != null) {
                f.problem("url", "is only used when kind is postgresql");
            }
            return new StorageConfig(kind, file(f, "h2File", h2File, paths), null, user, password, poolSize);
        }
        if (kind.equals(StorageConfig.POSTGRESQL)) {
            if (url == null) {
                f.problem("url", "is required when kind is postgresql");
            } else if (!url.startsWith("jdbc:postgresql:")) {
                f.problem("url", "must start with jdbc:postgresql:, found \"" + url + "\"");
            }
            return new StorageConfig(kind, null, url, user, password, poolSize);
        }
        f.problem("kind", "must be h2 or postgresql, found \"" + kind + "\"");
        return new StorageConfig(kind, null, url, user, password, poolSize);
    }

    private ObservabilityConfig observability(Fields f) {
        ObservabilityConfig d = ObservabilityConfig.defaults();
        boolean metrics = f.bool("metricsEnabled", d.metricsEnabled());
        String level = f.text("logLevel", d.logLevel()).toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            f.problem("logLevel", "must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, found \"" + level + "\"");
            level = d.logLevel();
        }
        f.finish();
        return new ObservabilityConfig(metrics, level);
    }

    private MoneyConfig money(Fields f, ConfigFilePaths paths) {
        MoneyConfig d = MoneyConfig.defaults();
        String rates = file(f, "fxRatesFile", f.text("fxRatesFile"), paths);
        MoneyConfig money = new MoneyConfig(rates,
                f.duration("kycValidity", d.kycValidity(), Duration.ofDays(30)),
                f.duration("resolveBackoff", d.resolveBackoff(), Duration.ofHours(1)),
                f.duration("resolveMaxBackoff", d.resolveMaxBackoff(), Duration.ofDays(1)));
        f.finish();
        if (money.resolveBackoff().isZero()) {
            f.problem("resolveBackoff", "must be positive");
        }
        if (money.resolveMaxBackoff().compareTo(money.resolveBackoff()) < 0) {
            f.problem("resolveMaxBackoff", "must not be shorter than resolveBackoff");
        }
        return money;
    }

    private OutboxConfig outbox(Fields f) {
        OutboxConfig d = OutboxConfig.defaults();
        OutboxConfig outbox = new OutboxConfig(
                f.duration("pollInterval", d.pollInterval(), Duration.ofMinutes(1)),
                f.integer("batchSize", d.batchSize(), 1, 10_000),
                f.integer("maxConcurrent", d.maxConcurrent(), 1, 10_000),
                f.duration("initialBackoff", d.initialBackoff(), Duration.ofHours(1)),
                f.duration("maxBackoff", d.maxBackoff(), Duration.ofDays(1)),
                f.duration("giveUpAfter", d.giveUpAfter(), Duration.ofDays(30)),
                f.duration("callTimeout", d.callTimeout(), Duration.ofMinutes(5)));
        f.finish();
        if (outbox.pollInterval().isZero() || outbox.initialBackoff().isZero() || outbox.callTimeout().isZero()) {
            f.problem("pollInterval", "pollInterval, initialBackoff and callTimeout must be positive");
        }
        if (outbox.maxBackoff().compareTo(outbox.initialBackoff()) < 0) {
            f.problem("maxBackoff", "must not be shorter than initialBackoff");
        }
        return outbox;
    }

    /** A resolved absolute file name, or null (absent, or invalid and reported). */
    static String file(Fields f, String key, String name, ConfigFilePaths paths) {
        if (name == null) {
            return null;
        }
        try {
            return paths.resolve(name).toString();
        } catch (IllegalArgumentException e) {
            f.problem(key, e.getMessage());
            return null;
        }
    }

    /** {@code kid} unchanged when well formed, else null with a problem. */
    static String kid(Fields f, String key, String kid) {
        if (kid == null) {
            return null;
        }
        String problem = Formats.match(kid, Formats.KID, "1-64 printable characters without spaces");
        if (problem != null) {
            f.problem(key, problem);
            return null;
        }
        return kid;
    }
}
