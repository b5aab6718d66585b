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
        return issue2(ports, new CardEnrollmentHandler(ports.catalog(), ports.cards(), ports.verificationAttempts(),
                ports.secrets(), ports.fieldCrypto(), ports.json(), ports.clock()));
    }

    /**
     * The same six handlers, with CARD_ENROLLMENT checking account numbers with the issuer's CBS over {@code money}'s
     * link. The wiring of a switch that has a core-banking link; {@link #issue2(HandlerPorts)} takes account numbers on
     * trust.
     */
    public static List<Handler> issue2(HandlerPorts ports, MoneyPorts money) {
        return issue2(ports, new CardEnrollmentHandler(ports.catalog(), ports.cards(), ports.verificationAttempts(),
                ports.secrets(), ports.fieldCrypto(), ports.json(), ports.clock(), CbsQuery.of(money)));
    }

    private static List<Handler> issue2(HandlerPorts ports, CardEnrollmentHandler enrollment) {
        return List.of(
                new CvmInquiryHandler(ports.catalog()),
                enrollment,
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
