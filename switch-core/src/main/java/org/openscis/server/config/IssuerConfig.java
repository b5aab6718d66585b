package org.openscis.server.config;

import java.util.List;
import org.openscis.router.port.Merchant;

/** An issuer this switch serves: its IIN, card products, core-banking link, and its billers and agents. */
public record IssuerConfig(String iin, String name, List<ProductConfig> products, CbsConfig cbs,
        List<Merchant> merchants) {}
