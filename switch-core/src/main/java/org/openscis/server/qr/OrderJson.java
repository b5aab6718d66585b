package org.openscis.server.qr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openscis.router.port.UrlOrder;

/**
 * A {@link UrlOrder} as a JSON object with the member names of the QR host file ({@code conf/qr-host.json}): the
 * stored form of an inquiry's order and the file's entries share one shape.
 */
final class OrderJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderJson() {}

    static String write(UrlOrder o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("url", o.url());
        put(n, "trxAmt", o.trxAmt());
        n.put("trxCurrency", o.trxCurrency());
        put(n, "qrcUseCase", o.qrcUseCase());
        put(n, "upperLimitAmt", o.upperLimitAmt());
        n.put("merchantName", o.merchantName());
        n.put("mcc", o.mcc());
        n.put("merchantCountry", o.merchantCountry());
        put(n, "merchantCity", o.merchantCity());
        put(n, "postalCode", o.postalCode());
        put(n, "languagePreference", o.languagePreference());
        put(n, "merchantNameAL", o.merchantNameAL());
        put(n, "merchantCityAL", o.merchantCityAL());
        put(n, "terminalID", o.terminalId());
        n.put("acquirerIIN", o.acquirerIin());
        n.put("fwdIIN", o.forwardingIin());
        n.put("mid", o.mid());
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an order could not be written as JSON", e);
        }
    }

    /** The order of a JSON object whose mandatory members are present (the caller validated it). */
    static UrlOrder read(JsonNode n) {
        return new UrlOrder(text(n, "url"), text(n, "trxAmt"), text(n, "trxCurrency"), text(n, "qrcUseCase"),
                text(n, "upperLimitAmt"), text(n, "merchantName"), text(n, "mcc"), text(n, "merchantCountry"),
                text(n, "merchantCity"), text(n, "postalCode"), text(n, "languagePreference"),
                text(n, "merchantNameAL"), text(n, "merchantCityAL"), text(n, "terminalID"), text(n, "acquirerIIN"),
                text(n, "fwdIIN"), text(n, "mid"));
    }

    static UrlOrder read(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored order is not JSON", e);
        }
    }

    /** A member's text, or null when absent, JSON null or not a string. */
    static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static void put(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }
}
