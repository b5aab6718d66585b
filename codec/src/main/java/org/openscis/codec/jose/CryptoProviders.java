package org.openscis.codec.jose;

import java.lang.reflect.InvocationTargetException;
import java.security.Provider;
import java.security.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the JCA provider: Amazon Corretto Crypto Provider (AWS-LC, native) when it loads and passes its self
 * test on this platform, else the JDK providers. Idempotent.
 *
 * <p>ACCP goes in at priority 1 and the JDK providers stay registered, so nimbus (which asks the JCA without naming
 * a provider) gets ACCP for what it implements (RSA, ECDSA, AES-GCM, HMAC) and the JDK for the rest (e.g. the
 * {@code OAEPWithSHA-256} transformation name). ACCP is an optional dependency, so it is reached by reflection.
 */
public final class CryptoProviders {

    /** Set to {@code false} to keep the JDK providers even where ACCP would load. */
    public static final String ACCP_PROPERTY = "openscis.crypto.accp";

    static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private static final Logger LOG = LoggerFactory.getLogger(CryptoProviders.class);

    /** Null until {@link #install()} ran. */
    private static volatile String description;
    private static volatile Provider nativeProvider;

    /** What probing a native provider found: the healthy provider, or why there is none. */
    record Probe(Provider provider, String problem) {}

    private CryptoProviders() {}

    /** Installs the fastest available provider at top priority and returns {@link #description()}. */
    public static synchronized String install() {
        if (description != null) {
            // Idempotent, and self-healing if something moved the provider since.
            Provider installed = nativeProvider;
            if (installed != null && !nativeProviderActive() && !putFirst(installed)) {
                LOG.warn("JCA provider {} could not be put back first", installed.getName());
            }
            return description;
        }
        Probe probe = "false".equalsIgnoreCase(System.getProperty(ACCP_PROPERTY))
                ? new Probe(null, "disabled by -D" + ACCP_PROPERTY + "=false")
                : probe(ACCP_CLASS);
        if (probe.provider() != null && putFirst(probe.provider())) {
            nativeProvider = probe.provider();
            description = probe.provider().getName() + " " + probe.provider().getVersionStr() + " (native)";
            LOG.info("JCA provider: {}", description);
        } else {
            String problem = probe.provider() != null ? "could not be registered" : probe.problem();
            description = "JDK providers (ACCP unavailable: " + problem + ")";
            LOG.info("JCA provider: {}", description);
        }
        return description;
    }

    /** E.g. {@code "AmazonCorrettoCryptoProvider 2.5.0 (native)"} or {@code "JDK providers (ACCP unavailable: ...)"} . */
    public static String description() {
        String current = description;
        return current != null ? current : "JDK providers (CryptoProviders.install() not called)";
    }

    /** Whether the native provider this class installed is still the first JCA provider. */
    public static boolean nativeProviderActive() {
        Provider installed = nativeProvider;
        Provider[] providers = Security.getProviders();
        return installed != null && providers.length > 0 && providers[0] == installed;
    }

    /**
     * Loads the provider class, its native library and runs its self tests, without installing anything. Every
     * failure becomes a reason: a missing class, a missing or incompatible native library, a failed self test.
     */
    static Probe probe(String className) {
        try {
            Class<?> type = Class.forName(className);
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            Object loadingError = type.getMethod("getLoadingError").invoke(provider);
            if (loadingError != null) {
                return new Probe(null, "native library did not load: " + describe((Throwable) loadingError));
            }
            type.getMethod("assertHealthy").invoke(provider);
            return new Probe(provider, null);
        } catch (ClassNotFoundException e) {
            return new Probe(null, "not on the class path");
        } catch (InvocationTargetException e) {
            return new Probe(null, "self test failed: " + describe(e.getCause()));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new Probe(null, "could not be loaded: " + describe(e));
        }
    }

    private static boolean putFirst(Provider provider) {
        Provider[] providers = Security.getProviders();
        if (providers.length > 0 && providers[0] == provider) {
            return true;
        }
        try {
            if (Security.getProvider(provider.getName()) != null) {
                Security.removeProvider(provider.getName());
            }
            return Security.insertProviderAt(provider, 1) == 1;
        } catch (SecurityException e) {
            LOG.warn("JCA provider {} could not be installed: {}", provider.getName(), e.toString());
            return false;
        }
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage();
    }
}
