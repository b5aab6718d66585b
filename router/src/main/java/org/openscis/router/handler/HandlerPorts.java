package org.openscis.router.handler;

import java.time.Clock;
import java.util.Objects;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardSecrets;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.KeyRegistry;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.SwitchKeys;
import org.openscis.router.port.VerificationAttempts;

/** Everything the handlers need from outside, as the composition root supplies it. */
public record HandlerPorts(
        ProductCatalog catalog,
        CardRepository cards,
        VerificationAttempts verificationAttempts,
        CardSecrets secrets,
        FieldCrypto fieldCrypto,
        KeyRegistry keys,
        SwitchKeys switchKeys,
        EnvelopeCodec json,
        Clock clock) {

    public HandlerPorts {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(verificationAttempts, "verificationAttempts");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(fieldCrypto, "fieldCrypto");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(switchKeys, "switchKeys");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(clock, "clock");
    }
}
