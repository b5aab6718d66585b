package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MixTest {

    @Test
    void parsesTypesAndWeightsInOrder() {
        Mix mix = parsed("CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20");

        assertThat(mix.entries()).containsExactly(new Mix.Entry(LoadType.CARD_STATUS_INQUIRY, 80),
                new Mix.Entry(LoadType.CARD_ENROLLMENT, 20));
        assertThat(mix.text()).isEqualTo("CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20");
        assertThat(mix.slug()).isEqualTo("card_status_inquiry-80_card_enrollment-20");
        assertThat(mix.share(LoadType.CARD_ENROLLMENT)).isEqualTo(0.2);
        assertThat(mix.needsTokens()).isTrue();
    }

    @Test
    void acceptsSpacesAndAnyLetterCase() {
        Mix mix = parsed(" card_enrollment = 3 , Cvm_Inquiry=1 ");

        assertThat(mix.text()).isEqualTo("CARD_ENROLLMENT=3,CVM_INQUIRY=1");
        assertThat(mix.needsTokens()).isFalse();
    }

    @Test
    void everyCycleHasExactlyTheConfiguredShares() {
        Mix mix = parsed("CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20");

        Map<LoadType, Integer> counts = new EnumMap<>(LoadType.class);
        for (long n = 1_000; n < 1_100; n++) {
            counts.merge(mix.pick(n), 1, Integer::sum);
        }
        assertThat(counts).containsEntry(LoadType.CARD_STATUS_INQUIRY, 80).containsEntry(LoadType.CARD_ENROLLMENT, 20);
    }

    @Test
    void interleavesInsteadOfBursting() {
        Mix mix = parsed("CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20");

        // 4:1 after dividing by the common divisor: an enrolment in every run of five.
        for (long start = 0; start < 50; start += 5) {
            int enrolments = 0;
            for (long n = start; n < start + 5; n++) {
                enrolments += mix.pick(n) == LoadType.CARD_ENROLLMENT ? 1 : 0;
            }
            assertThat(enrolments).isEqualTo(1);
        }
    }

    @Test
    void parsesTheMerchantQrType() {
        Mix mix = parsed("mpqrc_payment_emv=1");

        assertThat(mix.entries()).containsExactly(new Mix.Entry(LoadType.MPQRC_PAYMENT_EMV, 1));
        assertThat(mix.needsTokens()).isTrue();
        assertThat(LoadType.MPQRC_PAYMENT_EMV.movesMoney()).isTrue();
        assertThat(LoadType.MPQRC_PAYMENT_EMV.callsCbs()).isTrue();
    }

    @Test
    void parsesTheMoneyMix() {
        Mix mix = parsed("BILL_PAYMENT=50,p2p_transfer=50");

        assertThat(mix.entries()).containsExactly(new Mix.Entry(LoadType.BILL_PAYMENT, 50),
                new Mix.Entry(LoadType.P2P_TRANSFER, 50));
        assertThat(mix.text()).isEqualTo("BILL_PAYMENT=50,P2P_TRANSFER=50");
        assertThat(mix.slug()).isEqualTo("bill_payment-50_p2p_transfer-50");
        assertThat(mix.needsTokens()).isTrue();
        // 1:1 after dividing by the common divisor: strictly alternating.
        assertThat(mix.pick(0)).isNotEqualTo(mix.pick(1));
        assertThat(mix.pick(0)).isEqualTo(mix.pick(2));
    }

    @Test
    void everyMoneyTypeIsAcceptedAndNeedsTokens() {
        Mix mix = parsed("BILL_PAYMENT=4,P2P_TRANSFER=3,CREDIT_TRANSACTION=2,GET_CASH_OUT_TOKEN=1");

        assertThat(mix.entries()).extracting(Mix.Entry::type).containsExactly(LoadType.BILL_PAYMENT,
                LoadType.P2P_TRANSFER, LoadType.CREDIT_TRANSACTION, LoadType.GET_CASH_OUT_TOKEN);
        assertThat(mix.entries()).allSatisfy(e -> {
            assertThat(e.type().needsToken()).isTrue();
            assertThat(e.type().movesMoney()).isTrue();
            assertThat(e.type().callsCbs()).isTrue();
        });
        Map<LoadType, Integer> counts = new EnumMap<>(LoadType.class);
        for (long n = 0; n < 10; n++) {
            counts.merge(mix.pick(n), 1, Integer::sum);
        }
        assertThat(counts).containsEntry(LoadType.BILL_PAYMENT, 4).containsEntry(LoadType.P2P_TRANSFER, 3)
                .containsEntry(LoadType.CREDIT_TRANSACTION, 2).containsEntry(LoadType.GET_CASH_OUT_TOKEN, 1);
    }

    @Test
    void inquiriesAndEnrolmentDoNotMoveMoney() {
        assertThat(LoadType.CARD_STATUS_INQUIRY.movesMoney()).isFalse();
        assertThat(LoadType.CARD_STATUS_INQUIRY.callsCbs()).isFalse();
        assertThat(LoadType.CARD_BALANCE_INQUIRY.callsCbs()).isTrue();
        assertThat(LoadType.CARD_ENROLLMENT.callsCbs()).isTrue();
        assertThat(LoadType.CARD_ENROLLMENT.needsToken()).isFalse();
        assertThat(LoadType.CVM_INQUIRY.callsCbs()).isFalse();
    }

    @Test
    void picksForAnySequenceNumber() {
        Mix mix = parsed("CARD_BALANCE_INQUIRY=1");

        assertThat(mix.pick(Long.MIN_VALUE)).isEqualTo(LoadType.CARD_BALANCE_INQUIRY);
        assertThat(mix.pick(-1)).isEqualTo(LoadType.CARD_BALANCE_INQUIRY);
        assertThat(mix.pick(Long.MAX_VALUE)).isEqualTo(LoadType.CARD_BALANCE_INQUIRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "CARD_STATUS_INQUIRY", "CARD_STATUS_INQUIRY=", "CARD_STATUS_INQUIRY=0",
            "CARD_STATUS_INQUIRY=-1", "CARD_STATUS_INQUIRY=1.5", "CARD_STATUS_INQUIRY=10001",
            "CARD_STATUS_INQUIRY=99999999999", "KYC_VERIFICATION=1", "=5", "CARD_ENROLLMENT=1,CARD_ENROLLMENT=2",
            "CARD_ENROLLMENT=1,", ",CARD_ENROLLMENT=1", "CARD_ENROLLMENT=1;CVM_INQUIRY=1"})
    void refusesWhatIsNotAMix(String text) {
        MixParse result = Mix.parse(text);

        assertThat(result).isInstanceOf(MixParse.Invalid.class);
        assertThat(((MixParse.Invalid) result).reason()).isNotBlank();
    }

    @Test
    void refusesNullAndOverlongText() {
        assertThat(Mix.parse(null)).isInstanceOf(MixParse.Invalid.class);
        assertThat(Mix.parse("CVM_INQUIRY=1,".repeat(100))).isInstanceOf(MixParse.Invalid.class);
    }

    @Test
    void namesTheProblem() {
        assertThat(((MixParse.Invalid) Mix.parse("KYC_VERIFICATION=1")).reason()).contains("KYC_VERIFICATION");
        assertThat(((MixParse.Invalid) Mix.parse("CVM_INQUIRY=x")).reason()).contains("CVM_INQUIRY", "\"x\"");
    }

    private static Mix parsed(String text) {
        MixParse result = Mix.parse(text);
        assertThat(result).isInstanceOf(MixParse.Ok.class);
        return ((MixParse.Ok) result).mix();
    }
}
