package org.openscis.router.handler;

import java.util.List;
import org.openscis.router.Handler;
import org.openscis.router.qr.CpqrGenerator;
import org.openscis.router.qr.CpqrSettings;

/** Builds the consumer-presented QR handlers of the App Gateway side. */
public final class CpqrHandlers {

    private CpqrHandlers() {}

    /** QRC_GENERATION, issuing codes with {@code generator}. */
    public static List<Handler> generation(HandlerPorts ports, MoneyPorts money, CpqrGenerator generator,
            CpqrSettings settings) {
        MovementChecks checks = new MovementChecks(ports.catalog(), ports.cards(), money.tiers(), money.transactions(),
                money.merchants(), ports.clock());
        return List.of(new QrcGenerationHandler(checks, generator, settings));
    }
}
