package org.openscis.server.adapters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.MerchantDirectory;
import org.openscis.server.config.IssuerConfig;

/** Billers and agents from each issuer's {@code merchants} list, read once at start. */
public final class ConfigMerchants implements MerchantDirectory {

    private final Map<String, Merchant> byIssuerAndMid = new HashMap<>();

    public ConfigMerchants(List<IssuerConfig> issuers) {
        for (IssuerConfig issuer : issuers) {
            for (Merchant m : issuer.merchants()) {
                byIssuerAndMid.put(key(issuer.iin(), m.mid()), m);
            }
        }
    }

    @Override
    public Optional<Merchant> find(String issuerIin, String mid) {
        return issuerIin == null || mid == null ? Optional.empty()
                : Optional.ofNullable(byIssuerAndMid.get(key(issuerIin, mid)));
    }

    private static String key(String iin, String mid) {
        return iin + '\u0000' + mid;
    }
}
