package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseCodesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheCodeOfABareErrorBody() {
        byte[] body = utf8("{\"msgResponse\":{\"responseMsg\":\"bad\",\"responseCode\":\"30\"}}");

        assertThat(ResponseCodes.of(null, body)).isEqualTo("30");
    }

    @Test
    void skipsOtherMembersOfAnyShape() {
        byte[] body = utf8("{\"x\":[1,{\"responseCode\":\"99\"}],\"trxInfo\":{\"msgResponse\":{}},"
                + "\"msgResponse\":{\"extra\":{\"a\":1},\"responseCode\":\"A0\"}}");

        assertThat(ResponseCodes.of(null, body)).isEqualTo("A0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"msgResponse\":\"00\"}", "{\"msgResponse\":{\"responseCode\":0}}",
            "{\"msgResponse\":{", "{\"a\":1}"})
    void returnsNullWhenThereIsNoCode(String body) {
        assertThat(ResponseCodes.of(null, utf8(body))).isNull();
    }
}
