package org.openscis.codec.qr;

import java.util.Optional;

/** MPM ID 64, Merchant Information—Language Template: the merchant's name (and city) in another language. */
public record LanguageTemplate(String languagePreference, String merchantNameAlt, Optional<String> merchantCityAlt) {
}
