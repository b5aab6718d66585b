package org.openscis.router.handler;

import java.time.Duration;
import java.util.Objects;
import org.openscis.router.port.AccountTiers;
import org.openscis.router.port.CoreBanking;
import org.openscis.router.port.ExchangeRates;
import org.openscis.router.port.KycStore;
import org.openscis.router.port.MerchantDirectory;
import org.openscis.router.port.Outbox;
import org.openscis.router.port.SwitchIds;
import org.openscis.router.port.TransactionStore;

/**
 * What the core-banking flows need beyond {@link HandlerPorts}: the CBS link, money-movement records, KYC decisions,
 * the outbox, configured merchants and rates, account tiers and identifiers. {@code cbsCallTimeout} bounds one CBS
 * call (it never outlives the request's own deadline).
 */
public record MoneyPorts(
        CoreBanking coreBanking,
        TransactionStore transactions,
        KycStore kyc,
        Outbox outbox,
        MerchantDirectory merchants,
        ExchangeRates rates,
        AccountTiers tiers,
        SwitchIds ids,
        Duration cbsCallTimeout,
        Duration kycValidity) {

    public MoneyPorts {
        Objects.requireNonNull(coreBanking, "coreBanking");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(kyc, "kyc");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(merchants, "merchants");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(cbsCallTimeout, "cbsCallTimeout");
        Objects.requireNonNull(kycValidity, "kycValidity");
    }
}
