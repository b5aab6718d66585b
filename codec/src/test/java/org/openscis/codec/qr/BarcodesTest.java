package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BarcodesTest {

    static Stream<Arguments> vectors() {
        return QrVectors.list("barcode", "vectors").stream().map(v -> Arguments.of(v.get("id").asText(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void barcodeVectorIsWellFormedAsMarked(String id, JsonNode v) {
        assertThat(Barcodes.wellFormed(v.get("payload").asText())).isEqualTo(v.get("formatOk").asBoolean());
    }

    @Test
    void nullEmptyAndLongerAreNotBarcodes() {
        assertThat(Barcodes.wellFormed(null)).isFalse();
        assertThat(Barcodes.wellFormed("")).isFalse();
        assertThat(Barcodes.wellFormed("62360988358999965430")).isFalse();
        assertThat(Barcodes.wellFormed("62٣6098835899996543")).isFalse();
    }
}
