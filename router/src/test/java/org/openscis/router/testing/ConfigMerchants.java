package org.openscis.router.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.MerchantDirectory;

/** Billers and agents per issuer, as configuration would give them. */
public final class ConfigMerchants implements MerchantDirectory {

    private final Map<String, Merchant> byIssuerAndMid = new ConcurrentHashMap<>();

    public ConfigMerchants add(String issuerIin, Merchant merchant) {
        byIssuerAndMid.put(issuerIin + "/" + merchant.mid(), merchant);
        return this;
    }

    @Override
    public Optional<Merchant> find(String issuerIin, String mid) {
        return Optional.ofNullable(byIssuerAndMid.get(issuerIin + "/" + mid));
    }
}
