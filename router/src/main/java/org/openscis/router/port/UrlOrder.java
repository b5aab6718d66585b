package org.openscis.router.port;

import java.util.Objects;

/**
 * What the QR host knows about a URL-mode merchant code: the order (amount rules) and the merchant. Field names follow
 * QRC_INFO_INQUIRY's response (protocol.md §3.18); optional ones are null when the host has none.
 *
 * @param url                the code, exactly as scanned
 * @param trxAmt             the fixed amount (wire form), or null for an open-amount code the payer fills in
 * @param trxCurrency        ISO 4217 numeric
 * @param qrcUseCase         passed through, never interpreted (qr.md §7.3)
 * @param upperLimitAmt      the highest amount an open-amount code accepts (wire form), or null for none
 * @param merchantCountry    ISO 3166 numeric
 * @param acquirerIin        the merchant's acquirer (N 8), as in EMV tag 15
 * @param forwardingIin      the forwarding institution (N 8)
 * @param mid                the merchant id at the acquirer (ANS 15)
 */
public record UrlOrder(String url, String trxAmt, String trxCurrency, String qrcUseCase, String upperLimitAmt,
        String merchantName, String mcc, String merchantCountry, String merchantCity, String postalCode,
        String languagePreference, String merchantNameAL, String merchantCityAL, String terminalId,
        String acquirerIin, String forwardingIin, String mid) {

    public UrlOrder {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(trxCurrency, "trxCurrency");
        Objects.requireNonNull(merchantName, "merchantName");
        Objects.requireNonNull(mcc, "mcc");
        Objects.requireNonNull(merchantCountry, "merchantCountry");
        Objects.requireNonNull(acquirerIin, "acquirerIin");
        Objects.requireNonNull(forwardingIin, "forwardingIin");
        Objects.requireNonNull(mid, "mid");
    }

    /** Whether the payer chooses the amount. */
    public boolean openAmount() {
        return trxAmt == null;
    }
}
