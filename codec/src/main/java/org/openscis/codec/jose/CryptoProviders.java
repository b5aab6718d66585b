package org.openscis.codec.jose;

/**
 * Chooses the JCA provider: Amazon Corretto Crypto Provider (AWS-LC, native) when it loads and passes its self
 * test on this platform, else the JDK providers. Idempotent.
 */
public final class CryptoProviders {

    private CryptoProviders() {}

    /** Installs the fastest available provider at top priority and returns {@link #description()}. */
    public static synchronized String install() {
        throw new IllegalStateException("pending");
    }

    /** E.g. {@code "AmazonCorrettoCryptoProvider 2.5.0 (native)"} or {@code "JDK providers (ACCP unavailable: ...)"} . */
    public static String description() {
        throw new IllegalStateException("pending");
    }

    public static boolean nativeProviderActive() {
        throw new IllegalStateException("pending");
    }
}
