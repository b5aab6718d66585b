package org.openscis.codec.money;

import java.util.HashMap;
import java.util.Map;

/**
 * ISO 4217 List One: the currencies with a minor unit, keyed by numeric code. Kept here rather than read from
 * {@link java.util.Currency} because JDK releases carry different (often outdated) tables, and the amounts a switch
 * accepts must not change with the runtime. Codes without a minor unit (precious metals, SDR, test codes) are left out:
 * no amount can be expressed in them. Where ISO reused a numeric code, the current alphabetic code is listed
 * (532 is XCG, which replaced ANG in 2025).
 */
final class Iso4217 {

    private static final Map<String, Currency> BY_NUMERIC = new HashMap<>();

    static {
        add("784", "AED", 2);
        add("971", "AFN", 2);
        add("008", "ALL", 2);
        add("051", "AMD", 2);
        add("973", "AOA", 2);
        add("032", "ARS", 2);
        add("036", "AUD", 2);
        add("533", "AWG", 2);
        add("944", "AZN", 2);
        add("977", "BAM", 2);
        add("052", "BBD", 2);
        add("050", "BDT", 2);
        add("975", "BGN", 2);
        add("048", "BHD", 3);
        add("108", "BIF", 0);
        add("060", "BMD", 2);
        add("096", "BND", 2);
        add("068", "BOB", 2);
        add("984", "BOV", 2);
        add("986", "BRL", 2);
        add("044", "BSD", 2);
        add("064", "BTN", 2);
        add("072", "BWP", 2);
        add("933", "BYN", 2);
        add("084", "BZD", 2);
        add("124", "CAD", 2);
        add("976", "CDF", 2);
        add("947", "CHE", 2);
        add("756", "CHF", 2);
        add("948", "CHW", 2);
        add("990", "CLF", 4);
        add("152", "CLP", 0);
        add("156", "CNY", 2);
        add("170", "COP", 2);
        add("970", "COU", 2);
        add("188", "CRC", 2);
        add("931", "CUC", 2);
        add("192", "CUP", 2);
        add("132", "CVE", 2);
        add("203", "CZK", 2);
        add("262", "DJF", 0);
        add("208", "DKK", 2);
        add("214", "DOP", 2);
        add("012", "DZD", 2);
        add("818", "EGP", 2);
        add("232", "ERN", 2);
        add("230", "ETB", 2);
        add("978", "EUR", 2);
        add("242", "FJD", 2);
        add("238", "FKP", 2);
        add("826", "GBP", 2);
        add("981", "GEL", 2);
        add("936", "GHS", 2);
        add("292", "GIP", 2);
        add("270", "GMD", 2);
        add("324", "GNF", 0);
        add("320", "GTQ", 2);
        add("328", "GYD", 2);
        add("344", "HKD", 2);
        add("340", "HNL", 2);
        add("332", "HTG", 2);
        add("348", "HUF", 2);
        add("360", "IDR", 2);
        add("376", "ILS", 2);
        add("356", "INR", 2);
        add("368", "IQD", 3);
        add("364", "IRR", 2);
        add("352", "ISK", 0);
        add("388", "JMD", 2);
        add("400", "JOD", 3);
        add("392", "JPY", 0);
        add("404", "KES", 2);
        add("417", "KGS", 2);
        add("116", "KHR", 2);
        add("174", "KMF", 0);
        add("408", "KPW", 2);
        add("410", "KRW", 0);
        add("414", "KWD", 3);
        add("136", "KYD", 2);
        add("398", "KZT", 2);
        add("418", "LAK", 2);
        add("422", "LBP", 2);
        add("144", "LKR", 2);
        add("430", "LRD", 2);
        add("426", "LSL", 2);
        add("434", "LYD", 3);
        add("504", "MAD", 2);
        add("498", "MDL", 2);
        add("969", "MGA", 2);
        add("807", "MKD", 2);
        add("104", "MMK", 2);
        add("496", "MNT", 2);
        add("446", "MOP", 2);
        add("929", "MRU", 2);
        add("480", "MUR", 2);
        add("462", "MVR", 2);
        add("454", "MWK", 2);
        add("484", "MXN", 2);
        add("979", "MXV", 2);
        add("458", "MYR", 2);
        add("943", "MZN", 2);
        add("516", "NAD", 2);
        add("566", "NGN", 2);
        add("558", "NIO", 2);
        add("578", "NOK", 2);
        add("524", "NPR", 2);
        add("554", "NZD", 2);
        add("512", "OMR", 3);
        add("590", "PAB", 2);
        add("604", "PEN", 2);
        add("598", "PGK", 2);
        add("608", "PHP", 2);
        add("586", "PKR", 2);
        add("985", "PLN", 2);
        add("600", "PYG", 0);
        add("634", "QAR", 2);
        add("946", "RON", 2);
        add("941", "RSD", 2);
        add("643", "RUB", 2);
        add("646", "RWF", 0);
        add("682", "SAR", 2);
        add("090", "SBD", 2);
        add("690", "SCR", 2);
        add("938", "SDG", 2);
        add("752", "SEK", 2);
        add("702", "SGD", 2);
        add("654", "SHP", 2);
        add("925", "SLE", 2);
        add("694", "SLL", 2);
        add("706", "SOS", 2);
        add("968", "SRD", 2);
        add("728", "SSP", 2);
        add("930", "STN", 2);
        add("222", "SVC", 2);
        add("760", "SYP", 2);
        add("748", "SZL", 2);
        add("764", "THB", 2);
        add("972", "TJS", 2);
        add("934", "TMT", 2);
        add("788", "TND", 3);
        add("776", "TOP", 2);
        add("949", "TRY", 2);
        add("780", "TTD", 2);
        add("901", "TWD", 2);
        add("834", "TZS", 2);
        add("980", "UAH", 2);
        add("800", "UGX", 0);
        add("840", "USD", 2);
        add("997", "USN", 2);
        add("940", "UYI", 0);
        add("858", "UYU", 2);
        add("927", "UYW", 4);
        add("860", "UZS", 2);
        add("926", "VED", 2);
        add("928", "VES", 2);
        add("704", "VND", 0);
        add("548", "VUV", 0);
        add("882", "WST", 2);
        add("950", "XAF", 0);
        add("951", "XCD", 2);
        add("532", "XCG", 2);
        add("952", "XOF", 0);
        add("953", "XPF", 0);
        add("886", "YER", 2);
        add("710", "ZAR", 2);
        add("967", "ZMW", 2);
        add("924", "ZWG", 2);
    }

    private Iso4217() {}

    static Currency byNumeric(String numeric) {
        return numeric == null ? null : BY_NUMERIC.get(numeric);
    }

    static Iterable<Currency> all() {
        return BY_NUMERIC.values();
    }

    private static void add(String numeric, String alpha, int exponent) {
        if (BY_NUMERIC.put(numeric, new Currency(numeric, alpha, exponent)) != null) {
            throw new ExceptionInInitializerError("ISO 4217 numeric code listed twice: " + numeric);
        }
    }
}
