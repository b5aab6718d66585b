package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mpm.valid vector parses to its expected fields; every mpm.invalid vector fails with one of its reasons. */
class MpmVectorTest {

    private final MpmParser parser = new MpmParser(MpmPolicy.strict());

    static Stream<Arguments> valid() {
        return QrVectors.list("mpm", "valid").stream().map(v -> Arguments.of(v.get("id").asText(), v));
    }

    static Stream<Arguments> invalid() {
        return QrVectors.list("mpm", "invalid").stream().map(v -> Arguments.of(v.get("id").asText(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validVectorParsesWithTheExpectedFields(String id, JsonNode vector) {
        MpmResult result = parser.parse(vector.get("payload").asText());

        assertThat(result).as(id).isInstanceOf(MpmResult.Parsed.class);
        MpmResult.Parsed parsed = (MpmResult.Parsed) result;
        List<String> warnings = new ArrayList<>();
        vector.path("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(parsed.warnings()).isEqualTo(warnings);
        assertFields(parsed.payload(), vector.get("expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidVectorFailsWithOneOfItsReasons(String id, JsonNode vector) {
        MpmResult result = parser.parse(vector.get("payload").asText());

        assertThat(result).as(id).isInstanceOf(MpmResult.Failed.class);
        List<String> reasons = new ArrayList<>();
        vector.get("reasons").forEach(r -> reasons.add(r.asText()));
        assertThat(((MpmResult.Failed) result).error().name()).as(id).isIn(reasons);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidVectorFailsWithTheErrorOfTheReferenceCheckOrder(String id, JsonNode vector) {
        MpmResult result = parser.parse(vector.get("payload").asText());

        assertThat(result).isInstanceOfSatisfying(MpmResult.Failed.class, f ->
                assertThat(f.error().name()).isEqualTo(vector.get("firstErrorFromReferenceParser").asText()));
    }

    private static void assertFields(MpmPayload p, JsonNode e) {
        assertThat(p.payloadFormatIndicator()).isEqualTo(e.get("payloadFormatIndicator").asText());
        assertThat(p.pointOfInitiation()).isEqualTo(text(e, "pointOfInitiationMethod"));
        assertThat(p.merchantCategoryCode()).isEqualTo(e.get("merchantCategoryCode").asText());
        assertThat(p.transactionCurrency()).isEqualTo(e.get("transactionCurrency").asText());
        assertThat(p.transactionAmount()).isEqualTo(text(e, "transactionAmount"));
        assertThat(p.tipIndicator()).isEqualTo(text(e, "tipOrConvenienceIndicator"));
        assertThat(p.convenienceFeeFixed()).isEqualTo(text(e, "valueOfConvenienceFeeFixed"));
        assertThat(p.convenienceFeePercentage()).isEqualTo(text(e, "valueOfConvenienceFeePercentage"));
        assertThat(p.countryCode()).isEqualTo(e.get("countryCode").asText());
        assertThat(p.merchantName()).isEqualTo(e.get("merchantName").asText());
        assertThat(p.merchantCity()).isEqualTo(e.get("merchantCity").asText());
        assertThat(p.postalCode()).isEqualTo(text(e, "postalCode"));
        assertThat(p.crc()).isEqualTo(e.get("crc").asText());
        assertThat(initiation(p)).isEqualTo(e.get("initiation").asText());
        assertThat(p.rfu()).isEqualTo(QrVectors.strings(e.path("rfuForEMVCo")));
        assertAccounts(p, e);
        assertAdditionalData(p, e.path("additionalData"));
        assertLanguage(p, e.path("merchantInformationLanguage"));
    }

    private static void assertAccounts(MpmPayload p, JsonNode e) {
        JsonNode accounts = e.get("merchantAccountInformation");
        Map<String, String> raw = new HashMap<>();
        Map<String, Map<String, String>> templates = new HashMap<>();
        accounts.fields().forEachRemaining(a -> {
            raw.put(a.getKey(), a.getValue().get("raw").asText());
            if (a.getValue().has("template")) {
                templates.put(a.getKey(), QrVectors.strings(a.getValue().get("template")));
            }
        });
        e.path("unreservedTemplates").fields().forEachRemaining(t -> templates.put(t.getKey(), QrVectors.strings(t.getValue())));
        assertThat(p.merchantAccounts()).isEqualTo(raw);
        assertThat(p.templates()).isEqualTo(templates);
        raw.forEach((id, value) -> assertThat(p.value(id)).contains(value));

        JsonNode up = e.get("unionPay");
        if (up.isNull() || !"15".equals(up.get("carriedIn").asText())) {
            // Only ID 15 is UnionPay data; the 26-51 layout is a hypothesis and never routes (qr.md §7.1).
            assertThat(p.unionPay()).isEmpty();
        } else {
            assertThat(p.unionPay()).contains(new UnionPayAccount(up.get("acquirerIIN").asText(),
                    up.get("forwardingIIN").asText(), up.get("merchantId").asText()));
        }
        if (!up.isNull() && "hypothetical".equals(up.path("layout").asText())) {
            Map<String, String> t = p.templates().get(up.get("carriedIn").asText());
            assertThat(t.get("00")).startsWith("A000000333");
            assertThat(List.of(t.get("01"), t.get("02"), t.get("03"))).containsExactly(up.get("acquirerIIN").asText(),
                    up.get("forwardingIIN").asText(), up.get("merchantId").asText());
        }
    }

    private static void assertAdditionalData(MpmPayload p, JsonNode e) {
        if (e.isMissingNode()) {
            assertThat(p.additionalData()).isEmpty();
            return;
        }
        AdditionalData a = p.additionalData().orElseThrow();
        assertThat(a.billNumber()).isEqualTo(text(e, "billNumber"));
        assertThat(a.mobileNumber()).isEqualTo(text(e, "mobileNumber"));
        assertThat(a.storeLabel()).isEqualTo(text(e, "storeLabel"));
        assertThat(a.loyaltyNumber()).isEqualTo(text(e, "loyaltyNumber"));
        assertThat(a.referenceLabel()).isEqualTo(text(e, "referenceLabel"));
        assertThat(a.customerLabel()).isEqualTo(text(e, "customerLabel"));
        assertThat(a.terminalLabel()).isEqualTo(text(e, "terminalLabel"));
        assertThat(a.purpose()).isEqualTo(text(e, "purposeOfTransaction"));
        assertThat(a.consumerDataRequest()).isEqualTo(text(e, "additionalConsumerDataRequest"));
        Map<String, Map<String, String>> systems = new HashMap<>();
        e.path("paymentSystemSpecific").fields().forEachRemaining(t -> systems.put(t.getKey(), QrVectors.strings(t.getValue())));
        assertThat(a.paymentSystemTemplates()).isEqualTo(systems);
    }

    private static void assertLanguage(MpmPayload p, JsonNode e) {
        if (e.isMissingNode()) {
            assertThat(p.language()).isEmpty();
            return;
        }
        assertThat(p.language()).contains(new LanguageTemplate(e.get("languagePreference").asText(),
                e.get("merchantNameAlt").asText(), text(e, "merchantCityAlt")));
    }

    private static String initiation(MpmPayload p) {
        return p.pointOfInitiation().map(poi -> "11".equals(poi) ? "static" : "dynamic").orElse("unspecified");
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
