package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.KeyMaterial;

class CryptoCeilingTest {

    private static CryptoCeiling embedded;
    private static CryptoCeiling remote;

    @BeforeAll
    static void keys() {
        KeyPair rsa = KeyMaterial.generateRsa(2048);
        KeyPair ec = KeyMaterial.generateEcP256();
        embedded = CryptoCeiling.matching(ec.getPrivate(), ec.getPublic(), rsa.getPublic(), rsa.getPrivate(),
                JweProfile.RSA_OAEP_256_A128GCM, true);
        remote = CryptoCeiling.matching(ec.getPrivate(), ec.getPublic(), rsa.getPublic(), rsa.getPrivate(),
                JweProfile.RSA_OAEP_256_A128GCM, false);
    }

    @Test
    void everyTypesOperationsSucceed() {
        for (LoadType type : LoadType.values()) {
            assertThat(embedded.once(type)).as(type.name()).isTrue();
            assertThat(remote.once(type)).as(type.name()).isTrue();
        }
    }

    @Test
    void inquiriesWithoutCbsCostOneVerifyAndOneSignature() {
        assertThat(embedded.recipe(LoadType.CARD_STATUS_INQUIRY)).isEqualTo(new CryptoCeiling.Recipe(1, 1, 0, 0));
        assertThat(embedded.recipe(LoadType.CVM_INQUIRY)).isEqualTo(new CryptoCeiling.Recipe(1, 1, 0, 0));
    }

    @Test
    void aMoneyMovementAddsTheSignedCbsCall() {
        // gate verify; CBS: encrypt, sign, [sim: verify, decrypt, sign], verify; response sign
        assertThat(embedded.recipe(LoadType.BILL_PAYMENT)).isEqualTo(new CryptoCeiling.Recipe(3, 3, 1, 1));
        assertThat(remote.recipe(LoadType.BILL_PAYMENT)).isEqualTo(new CryptoCeiling.Recipe(2, 2, 0, 1));
        assertThat(embedded.recipe(LoadType.CREDIT_TRANSACTION)).isEqualTo(embedded.recipe(LoadType.BILL_PAYMENT));
        assertThat(embedded.recipe(LoadType.GET_CASH_OUT_TOKEN)).isEqualTo(embedded.recipe(LoadType.BILL_PAYMENT));
    }

    @Test
    void qrPaymentsCountEveryExchangeOfTheirOperation() {
        assertThat(embedded.recipe(LoadType.MPQRC_PAYMENT_EMV)).isEqualTo(embedded.recipe(LoadType.BILL_PAYMENT));
        // + the QRC_GENERATION exchange (verify, sign) and the TRX_RESULT_NOTIFICATION (sign, verify)
        assertThat(embedded.recipe(LoadType.CPQRC_PAYMENT)).isEqualTo(new CryptoCeiling.Recipe(5, 5, 1, 1));
        assertThat(remote.recipe(LoadType.CPQRC_PAYMENT)).isEqualTo(new CryptoCeiling.Recipe(4, 4, 0, 1));
        // + ADDITIONAL_PROCESSING (sign, verify) and ADDITIONAL_PROCESSING_RESULT (verify, sign)
        assertThat(embedded.recipe(LoadType.CPQRC_PAYMENT_CVM)).isEqualTo(new CryptoCeiling.Recipe(7, 7, 1, 1));
    }

    @Test
    void aTransferAlsoOpensThePayeeAndNotifiesBothSides() {
        // + creditAccountInfo decrypt at the gate, two account fields to the CBS, two callbacks (sign + verify)
        assertThat(embedded.recipe(LoadType.P2P_TRANSFER)).isEqualTo(new CryptoCeiling.Recipe(5, 5, 3, 2));
        assertThat(remote.recipe(LoadType.P2P_TRANSFER)).isEqualTo(new CryptoCeiling.Recipe(4, 4, 1, 2));
    }

    @Test
    void enrolmentOfAnAccountAsksTheCbs() {
        assertThat(embedded.recipe(LoadType.CARD_ENROLLMENT)).isEqualTo(new CryptoCeiling.Recipe(3, 3, 2, 2));
        assertThat(embedded.recipe(LoadType.CARD_BALANCE_INQUIRY)).isEqualTo(new CryptoCeiling.Recipe(3, 3, 1, 1));
    }

    @Test
    void measuresEachTypeOfTheMix() throws InterruptedException {
        Mix mix = ((MixParse.Ok) Mix.parse("BILL_PAYMENT=1,P2P_TRANSFER=1")).mix();

        CeilingResult c = embedded.measure(mix, 1, Duration.ofMillis(50), Duration.ofMillis(200));

        assertThat(c.requestsPerSecond()).isPositive();
        assertThat(c.perType()).containsOnlyKeys(LoadType.BILL_PAYMENT, LoadType.P2P_TRANSFER);
        assertThat(c.perType().get(LoadType.BILL_PAYMENT)).isGreaterThan(c.perType().get(LoadType.P2P_TRANSFER));
        assertThat(c.recipes().get(LoadType.P2P_TRANSFER)).isEqualTo("verify 5, sign 5, JWE decrypt 3, "
                + "JWE encrypt 2");
        assertThat(c.keys()).contains("EC P-256", "RSA-2048", "embedded CBS");
    }

    @Test
    void alternatingRoundsGiveOneResultPerMixInOrder() throws InterruptedException {
        Mix money = ((MixParse.Ok) Mix.parse("P2P_TRANSFER=1")).mix();
        Mix inquiry = Mix.of(LoadType.CARD_STATUS_INQUIRY);

        List<CeilingResult> c = embedded.measure(List.of(money, inquiry), 1, Duration.ofMillis(20),
                Duration.ofMillis(300), 3);

        assertThat(c).hasSize(2);
        assertThat(c.get(0).perType()).containsOnlyKeys(LoadType.P2P_TRANSFER);
        assertThat(c.get(1).perType()).containsOnlyKeys(LoadType.CARD_STATUS_INQUIRY);
        assertThat(c.get(0).seconds()).isCloseTo(0.3, within(1e-9));
        // Two operations against nineteen: the inquiry's ceiling is far higher.
        assertThat(c.get(1).requestsPerSecond()).isGreaterThan(c.get(0).requestsPerSecond());
    }
}
