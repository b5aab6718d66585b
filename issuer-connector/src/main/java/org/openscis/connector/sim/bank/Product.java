package org.openscis.connector.sim.bank;

import org.openscis.codec.money.Currency;

/** An issuer product ({@code insPrd}): the currency, opening balance, tier and country of accounts opened under it. */
record Product(String insPrd, Currency currency, long openingMinor, String tier, String countryCode) {}
