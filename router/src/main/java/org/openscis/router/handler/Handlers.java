package org.openscis.router.handler;

import java.util.List;
import org.openscis.router.Handler;
import org.openscis.router.HandlerRegistry;

/** Builds the handlers over one set of ports, so that the composition root wires them in one call. */
public final class Handlers {

    private Handlers() {}

    /**
     * The card-lifecycle handlers: CVM_INQUIRY, CARD_ENROLLMENT, CARDFACE_DOWNLOADING, CARD_STATUS_MANAGEMENT,
     * CARD_STATUS_INQUIRY and KEY_EXCHANGE.
     */
    public static List<Handler> issue2(HandlerPorts ports) {
        return List.of(
                new CvmInquiryHandler(ports.catalog()),
                new CardEnrollmentHandler(ports.catalog(), ports.cards(), ports.verificationAttempts(),
                        ports.secrets(), ports.fieldCrypto(), ports.json(), ports.clock()),
                new CardfaceDownloadingHandler(ports.catalog()),
                new CardStatusManagementHandler(ports.cards(), ports.clock()),
                new CardStatusInquiryHandler(ports.cards()),
                new KeyExchangeHandler(ports.keys(), ports.switchKeys()));
    }

    /** A new registry holding {@link #issue2(HandlerPorts)}. */
    public static HandlerRegistry forIssue2(HandlerPorts ports) {
        return registerAll(new HandlerRegistry(), issue2(ports));
    }

    /** Adds {@code handlers} to {@code registry}; a second handler for one type is a wiring bug and throws. */
    public static HandlerRegistry registerAll(HandlerRegistry registry, List<Handler> handlers) {
        handlers.forEach(registry::register);
        return registry;
    }
}
