package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;

class MaskedJsonTest {

    @Test
    void masksCardDataAtEveryLevel() {
        TrxInfo trx = TrxInfo.builder()
                .put("token", "6292610358444335641")
                .put("cvmInfo", TrxInfo.builder().put("pan", "6233001234567890060").put("cvn2", "123")
                        .put("expiryDate", "2812").put("idType", "ID card").build())
                .put("trxAmt", "1.00")
                .put("count", new BigDecimal("3"))
                .put("flags", List.of("a", "6233001234567890060"))
                .build();

        String out = MaskedJson.render(trx);

        assertThat(out).contains("6292********5641", "6233********0060", "\"cvn2\" : \"***\"",
                "\"expiryDate\" : \"***\"", "\"idType\" : \"ID card\"", "\"trxAmt\" : \"1.00\"", "\"count\" : 3")
                .doesNotContain("6292610358444335641", "6233001234567890060", "123\"", "2812");
    }

    @Test
    void shortensJweValuesAndHidesPlainSecrets() {
        String jwe = "eyJhbGciOiJSU0EtT0FFUC0yNTYifQ.a2V5.aXY.Y2lwaGVy.dGFn";
        TrxInfo trx = TrxInfo.builder().put("pan", jwe).put("accountInfo", "{\"accountNo\":\"1\"}").build();

        String out = MaskedJson.render(trx);

        assertThat(out).contains("JWE eyJhbGciOiJSU0Et… (" + jwe.length() + " chars)", "\"accountInfo\" : \"***\"")
                .doesNotContain("Y2lwaGVy");
    }
}
