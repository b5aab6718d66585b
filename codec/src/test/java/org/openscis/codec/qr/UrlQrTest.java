package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlQrTest {

    static Stream<Arguments> vectors() {
        return QrVectors.list("urlMode").stream().map(v -> Arguments.of(v.get("id").asText(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void urlModeVectorIsAcceptedOrRejectedAsMarked(String id, JsonNode v) {
        var parsed = UrlQr.parse(v.get("payload").asText());

        if (v.get("mustReject").asBoolean()) {
            assertThat(parsed).as(id).isEmpty();
        } else {
            JsonNode p = v.get("parsed");
            assertThat(parsed).as(id).contains(new UrlQr(p.get("firstSegment").asText(), p.get("secondSegment").asText()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "https://", "https://qr.95516.com", "https://qr.95516.com/", "https://qr.95516.com/00010000/",
        "https://qr.95516.com:443/00010000/62028489073949969691921655610979",
        "https://user@qr.95516.com/00010000/62028489073949969691921655610979",
        "https://qr.95516.com/00010000/62028489073949969691921655610979/",
        "https://qr.95516.com/00010000/62028489073949969691921655610979#x",
        "https://qr.95516.com/00010000/62028489073949969691921655610979?a=1",
        "https://qr.95516.com/00010000/620284890739499",
        "https://qr.95516.com/00010000/62028489073949969691921655610979620284890",
        "https://qr.95516.com/0001000a/62028489073949969691921655610979",
        "https://qr.95516.com/00010000/6202848907394996969192165561097٣",
        " https://qr.95516.com/00010000/62028489073949969691921655610979"})
    void anythingElseIsNotAUrlModeCode(String s) {
        assertThat(UrlQr.parse(s)).isEmpty();
    }

    @Test
    void schemeAndHostAreCaseInsensitiveAndNullIsNoCode() {
        assertThat(UrlQr.parse("HTTPS://QR.95516.COM/00010000/6202848907394996")).contains(new UrlQr("00010000", "6202848907394996"));
        assertThat(UrlQr.parse(null)).isEmpty();
    }
}
