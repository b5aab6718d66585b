package org.openscis.router.handler;

import java.util.List;
import org.openscis.router.Handler;

/**
 * Builds the onboarding and inquiry handlers of issue 3 over one set of ports: KYC_VERIFICATION, OPEN_ACCOUNT,
 * CARD_BALANCE_INQUIRY, EXCHANGE_RATE_INQUIRY and ACCOUNT_UPDATE_NOTIFICATION. They share one {@link CbsQuery} over
 * {@code money}'s core-banking link. CARD_ENROLLMENT with its CBS account check comes from
 * {@link Handlers#issue2(HandlerPorts, MoneyPorts)}; the money movements from their own factory.
 */
public final class OnboardingHandlers {

    private OnboardingHandlers() {}

    public static List<Handler> handlers(HandlerPorts ports, MoneyPorts money) {
        CbsQuery cbs = CbsQuery.of(money);
        return List.of(
                new KycVerificationHandler(ports.catalog(), ports.fieldCrypto(), ports.json(), money.kyc(),
                        money.ids(), cbs, ports.clock()),
                new OpenAccountHandler(ports.catalog(), ports.cards(), ports.secrets(), ports.fieldCrypto(),
                        money.kyc(), cbs, money.kycValidity(), ports.clock()),
                new CardBalanceInquiryHandler(ports.catalog(), ports.cards(), money.tiers(), money.ids(), cbs,
                        ports.clock()),
                new ExchangeRateInquiryHandler(money.rates()),
                new AccountUpdateNotificationHandler(ports.cards(), money.tiers(), ports.clock()));
    }
}
