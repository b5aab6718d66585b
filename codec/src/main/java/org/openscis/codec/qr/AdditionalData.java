package org.openscis.codec.qr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MPM ID 62, the Additional Data Field Template, by sub-ID ({@code "01"}..{@code "99"}) exactly as in the QR. A value
 * of {@code "***"} in 01-08 asks the app to prompt the consumer.
 */
public record AdditionalData(Map<String, String> bySubId) {

    /** The value meaning "ask the consumer for this" (qr.md §4). */
    public static final String PROMPT = "***";

    public AdditionalData {
        bySubId = Collections.unmodifiableMap(new LinkedHashMap<>(bySubId));
    }

    public Optional<String> billNumber() {
        return sub("01");
    }

    public Optional<String> mobileNumber() {
        return sub("02");
    }

    public Optional<String> storeLabel() {
        return sub("03");
    }

    public Optional<String> loyaltyNumber() {
        return sub("04");
    }

    public Optional<String> referenceLabel() {
        return sub("05");
    }

    public Optional<String> customerLabel() {
        return sub("06");
    }

    public Optional<String> terminalLabel() {
        return sub("07");
    }

    public Optional<String> purpose() {
        return sub("08");
    }

    /** Sub-ID 09: letters A (address), M (mobile), E (e-mail). */
    public Optional<String> consumerDataRequest() {
        return sub("09");
    }

    /** Payment-system specific templates 50-99: sub-ID to (nested sub-ID to value). */
    public Map<String, Map<String, String>> paymentSystemTemplates() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : bySubId.entrySet()) {
            int id = MpmText.idOf(e.getKey());
            if (id >= MpmParser.ADDITIONAL_TEMPLATES_FIRST) {
                out.put(e.getKey(), MpmText.subObjects(e.getValue()));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private Optional<String> sub(String id) {
        return Optional.ofNullable(bySubId.get(id));
    }
}
