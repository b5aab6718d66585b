package org.openscis.server.config;

import java.util.List;

/** An issuer this switch serves: its IIN, card products and core-banking link. */
public record IssuerConfig(String iin, String name, List<ProductConfig> products, CbsConfig cbs) {}
