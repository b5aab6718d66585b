package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.connector.sim.Messages;
import org.openscis.connector.sim.TestClock;

class SeedReaderTest {

    private static final String MINIMAL = """
            {"products":[{"insPrd":"77","currency":"840","openingBalance":"5.00"}],
             "internalAccounts":[{"accountNo":"F","kind":"FUNDING","currency":"840"},
                                 {"accountNo":"X","kind":"FEE","currency":"840"}],
             "customers":[{"accountNo":"123","currency":"840","balance":"1.50","lastName":"One"}],
             "merchants":[{"mid":"M1","name":"Shop","currency":"840","balance":"2"}]}
            """;

    @Test
    void theBuiltInSeedIsTheDocumentedOne() {
        SeedData seed = SeedReader.read(null);
        assertThat(seed.products()).containsOnlyKeys("1003");
        Product product = seed.products().get("1003");
        assertThat(product.currency().numeric()).isEqualTo("344");
        assertThat(product.openingMinor()).isEqualTo(10_000);
        assertThat(seed.accounts()).filteredOn(a -> a.kind() == AccountKind.CUSTOMER).hasSize(500)
                .allSatisfy(a -> assertThat(a.balanceMinor()).isEqualTo(100_000));
        assertThat(seed.accounts()).filteredOn(a -> a.kind() == AccountKind.CUSTOMER)
                .extracting(SeedAccount::accountNo).startsWith("100000000001").endsWith("100000000500");
        assertThat(seed.accounts()).filteredOn(a -> a.kind() == AccountKind.MERCHANT)
                .extracting(SeedAccount::accountNo, SeedAccount::firstName, SeedAccount::balanceMinor)
                .containsExactly(tuple("BILLER000000001", "Demo Biller", 0L),
                        tuple("AGENT0000000001", "Demo Agent", 100_000_000L));
    }

    @Test
    void aSeedFileIsUsedForAnEmptyDatabase(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, MINIMAL, StandardCharsets.UTF_8);
        try (Bank bank = Bank.open("jdbc:h2:mem:seed-" + UUID.randomUUID(), file, new TestClock(Instant.EPOCH), 2)) {
            assertThat(bank.ledger().balanceMinor("123")).isEqualTo(150);
            assertThat(bank.ledger().balanceMinor("M1")).isEqualTo(200);
            assertThat(bank.ledger().balanceMinor("F")).isEqualTo(-350);
            assertThat(bank.ledger().check().ok()).isTrue();
        }
    }

    @Test
    void aFileDatabaseKeepsItsLedgerAcrossRestarts(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("cbs").toAbsolutePath();
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Bank bank = Bank.open(url, null, clock, 2)) {
            assertThat(bank.handle("U39990029202601010000000000001", "DEBIT_TRANSACTION",
                    Messages.debit("100000000001", "BILLER000000001", "1.00", "0"))
                    .code()).isEqualTo("00");
        }
        try (Bank bank = Bank.open(url, null, clock, 2)) {
            assertThat(bank.ledger().balanceMinor("100000000001")).as("not seeded again").isEqualTo(99_900);
            assertThat(bank.ledger().movementState("U39990029202601010000000000001")).hasValue("APPROVED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"unknown\":1}",
        "{\"products\":{}}",
        "{\"products\":[{\"insPrd\":\"1\",\"currency\":\"999\"}]}",
        "{\"products\":[{\"insPrd\":\"1\",\"currency\":\"344\"}]}",
        "{\"internalAccounts\":[{\"accountNo\":\"F\",\"kind\":\"CUSTOMER\",\"currency\":\"344\"}]}",
        "{\"customers\":[{\"accountNo\":\"200000000001\",\"currency\":\"344\",\"lastName\":\"x\"}]}",
        "{\"customerRanges\":[{\"first\":\"1\",\"count\":1,\"currency\":\"344\"}]}",
        "{\"customerRanges\":[{\"first\":\"999999999999\",\"count\":2,\"currency\":\"344\"}]}",
        "{\"merchants\":[{\"mid\":\"M\",\"name\":\"n\",\"currency\":\"344\",\"balance\":\"1.001\"}]}",
        "{\"merchants\":[{\"mid\":\"M M\",\"name\":\"n\",\"currency\":\"344\"}]}",
        "{\"internalAccounts\":[{\"accountNo\":\"F\",\"kind\":\"FUNDING\",\"currency\":\"344\"},"
                + "{\"accountNo\":\"F\",\"kind\":\"FEE\",\"currency\":\"344\"}]}",
        "not json"
    })
    void badSeedsAreRefusedWithAReason(String json) {
        assertThatThrownBy(() -> SeedReader.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("seed");
    }
}
