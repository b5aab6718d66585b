package org.openscis.router.port;

import java.util.Optional;

/** Billers and agents per issuer, from configuration. */
public interface MerchantDirectory {

    Optional<Merchant> find(String issuerIin, String mid);
}
