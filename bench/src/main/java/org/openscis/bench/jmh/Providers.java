package org.openscis.bench.jmh;

import org.openscis.codec.jose.CryptoProviders;

/**
 * Installs the JCA provider the way the switch does and makes sure a benchmark variant measures the provider its
 * name promises: an {@code Accp} result silently measured on the JDK providers would make the comparison a lie.
 */
final class Providers {

    private Providers() {}

    /** Installs the provider; throws (failing only this benchmark) if the variant's provider is not the active one. */
    static String install(boolean expectNative) {
        String description = CryptoProviders.install();
        boolean active = CryptoProviders.nativeProviderActive();
        if (expectNative && !active) {
            throw new IllegalStateException("the Accp variant needs ACCP, but the JVM runs " + description);
        }
        if (!expectNative && active) {
            throw new IllegalStateException("the Jdk variant needs -D" + CryptoProviders.ACCP_PROPERTY
                    + "=false, but the JVM runs " + description);
        }
        return description;
    }
}
