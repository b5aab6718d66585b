package org.openscis.codec.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.openscis.codec.card.Luhn;

class TrxInfoTest {

    private static final String PAN = "6292610358444335641";
    private static final String CVN2 = "739";

    @Test
    void toStringMasksCardDataOfARealMessage() {
        TrxInfo trx = Examples.decodeOk(Examples.bytes("mpqrc_payment_emv_request")).trxInfo();

        assertThat(trx.toString()).doesNotContain(PAN).contains("token=6292********5641");
    }

    @Test
    void toStringMasksNestedSecretsArraysNumbersAndNames() {
        TrxInfo cvm = TrxInfo.builder().put("pan", PAN).put("cvn2", CVN2).put("expiryDate", "2608").build();
        TrxInfo trx = TrxInfo.builder()
                .put("cvmInfo", cvm)
                .put("inner", TrxInfo.builder().put("CVN2", CVN2).put("note", "card " + PAN + " used").build())
                .put("barcodeCpqrcPayload", List.of(PAN))
                .put("userID", new BigDecimal(PAN))
                .put(PAN, "x")
                .build();

        String text = trx.toString();

        assertThat(text).doesNotContain(PAN).doesNotContain(CVN2).doesNotContain("2608");
        assertThat(text).contains("cvmInfo=***").contains("CVN2=***").contains("6292********5641");
    }

    @Test
    void builderKeepsNullsInsideArraysAndCopiesThem() {
        List<Object> list = Arrays.asList("a", null);
        TrxInfo trx = TrxInfo.builder().put("l", list).build();
        list.set(0, "changed");

        assertThat(trx.list("l")).containsExactly("a", null);
    }

    @Property(tries = 300)
    void toStringNeverShowsAPanOrCvn2(@ForAll("pans") String pan, @ForAll("cvn2s") String cvn2,
                                      @ForAll("names") String name) {
        TrxInfo trx = TrxInfo.builder()
                .put(name, pan)
                .put("note", "pay with " + pan + ".")
                .put("nested", TrxInfo.builder().put("pan", pan).put("cvn2", cvn2).put("list", List.of(pan)).build())
                .put("cvn2", cvn2)
                .build();

        assertThat(trx.toString()).doesNotContain(pan).doesNotContain("cvn2=" + cvn2);
    }

    @Provide
    Arbitrary<String> pans() {
        return Arbitraries.integers().between(15, 18)
                .flatMap(len -> Arbitraries.strings().numeric().ofLength(len))
                .map(payload -> Luhn.withCheckDigit("6" + payload.substring(1)));
    }

    @Provide
    Arbitrary<String> cvn2s() {
        return Arbitraries.strings().numeric().ofLength(3);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("pan", "token", "accountNo", "trxToken", "userID", "deviceID", "x", "memo");
    }
}
