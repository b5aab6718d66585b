package org.openscis.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.jose.JweProfile;
import org.openscis.router.MessageType;
import org.openscis.router.port.Participant;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void shippedConfigLoadsWithEnvironmentOverrides() throws Exception {
        Path data = tmp.resolve("state");
        OpenScisConfig config = TestConfigs.loader(tmp, Map.of(
                        "OPENSCIS_HTTP_PORT", "18080",
                        "OPENSCIS_DATA_DIR", data.toString(),
                        "OPENSCIS_APPGW_CALLBACK_URL", "https://wallet.example/scis/callback"))
                .build().load(TestConfigs.shipped());

        assertThat(config.dataDir()).isEqualTo(data.toString());
        assertThat(config.listeners().http()).isEqualTo(new ListenerConfig("0.0.0.0", 18080, null));
        assertThat(config.listeners().admin()).isEqualTo(new ListenerConfig("127.0.0.1", 8081, null));
        assertThat(config.limits()).isEqualTo(LimitsConfig.defaults());
        assertThat(config.security()).isEqualTo(SecurityConfig.defaults());

        SwitchKeysConfig keys = config.switchKeys();
        assertThat(keys.signingKid()).isEqualTo("1000000000001");
        assertThat(keys.signingKeyFile()).isEqualTo(data.resolve("keys/switch-signing.pem").toString());
        assertThat(keys.encryptionKeys()).containsExactly(
                new SwitchKeysConfig.KeyRef("1000000000002", data.resolve("keys/switch-encryption.pem").toString()));
        assertThat(keys.dataKeysFile()).isEqualTo(data.resolve("keys/data-keys.json").toString());
        assertThat(keys.generateIfMissing()).isTrue();

        assertThat(config.participants()).hasSize(2);
        assertThat(config.participants().get(1)).satisfies(p -> {
            assertThat(p.insId()).isEqualTo("48000344");
            assertThat(p.kind()).isEqualTo(Participant.Kind.ACQUIRER);
            assertThat(p.signingKeys()).containsExactly(
                    Map.entry("3000000000001", data.resolve("keys/acquirer-signing.pub.pem").toString()));
            assertThat(p.encryptionKid()).isEqualTo("3000000000002");
            assertThat(p.callbackUrl()).isNull();
            assertThat(p.allowedMessageTypes()).containsExactly(
                    MessageType.CPQRC_PAYMENT, MessageType.REFUND, MessageType.CANCELLATION);
        });
        assertThat(config.participants().get(0)).satisfies(p -> {
            assertThat(p.insId()).isEqualTo("39990157");
            assertThat(p.kind()).isEqualTo(Participant.Kind.APP_GATEWAY);
            assertThat(p.signingKeys()).containsExactly(
                    Map.entry("2000000000001", data.resolve("keys/appgw-signing.pub.pem").toString()));
            assertThat(p.signingAlgorithms()).containsExactly("RS256");
            assertThat(p.encryptionKid()).isEqualTo("2000000000002");
            assertThat(p.encryptionKeyFile()).isEqualTo(data.resolve("keys/appgw-encryption.pub.pem").toString());
            assertThat(p.jweProfile()).isEqualTo(JweProfile.RSA_OAEP_256_A128GCM);
            assertThat(p.callbackUrl()).isEqualTo("https://wallet.example/scis/callback");
            assertThat(p.callbackUrls()).isEmpty();
            assertThat(p.allowedMessageTypes()).contains(MessageType.CVM_INQUIRY, MessageType.KEY_EXCHANGE)
                    .doesNotContain(MessageType.CPQRC_PAYMENT, MessageType.TRX_RESULT_NOTIFICATION);
        });

        assertThat(config.issuers()).singleElement().satisfies(issuer -> {
            assertThat(issuer.iin()).isEqualTo("62000001");
            assertThat(issuer.name()).isEqualTo("OpenSCIS Demo Bank");
            assertThat(issuer.cbs().mode()).isEqualTo(CbsConfig.EMBEDDED);
            assertThat(issuer.cbs().callTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(issuer.cbs().maxConnections()).isEqualTo(32);
            assertThat(issuer.cbs().simulator().databaseFile()).endsWith("cbs-sim-62000001");
            assertThat(issuer.merchants()).extracting(m -> m.mid() + "/" + m.role())
                    .containsExactly("BILLER000000001/BILLER", "AGENT0000000001/AGENT");
            ProductConfig product = issuer.products().get(0);
            assertThat(product.prdNo()).isEqualTo("1003");
            assertThat(product.bin()).isEqualTo("62351000");
            assertThat(product.panLength()).isEqualTo(16);
            assertThat(product.tokenBin()).isEqualTo("62920000");
            assertThat(product.expiryMonths()).isEqualTo(36);
            assertThat(product.cardType()).isEqualTo("Virtual Card");
            assertThat(product.currency()).isEqualTo("344");
            assertThat(product.cvmFields()).containsExactly("firstName", "lastName", "idType", "idNo", "idCountry");
            assertThat(product.limits().perTransactionMinor()).isEqualTo(500_000);
            assertThat(product.limits().dailyMinor()).isEqualTo(2_000_000);
            assertThat(product.limits().openingBalanceMinor()).isEqualTo(10_000);
            assertThat(product.limits().cashOutTokenValidityMinutes()).isEqualTo(30);
            assertThat(product.cardFaces()).singleElement().satisfies(face -> {
                assertThat(face.id()).isEqualTo("100101");
                assertThat(Path.of(face.file())).isEqualTo(
                        TestConfigs.shipped().getParent().resolve("cardfaces/100101.png").toAbsolutePath());
                assertThat(face.color()).isEqualTo("#FFF467");
            });
        });
        assertThat(config.storage().kind()).isEqualTo("h2");
        assertThat(config.storage().h2File()).isEqualTo(data.resolve("openscis").toString());
        assertThat(config.storage().poolSize()).isEqualTo(10);
        assertThat(config.observability()).isEqualTo(ObservabilityConfig.defaults());
    }

    @Test
    void dataDirDefaultsToDataUnderTheWorkingDirectoryAndTheOverrideWins() throws Exception {
        Path file = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL);
        Path cwd = tmp.resolve("cwd");

        OpenScisConfig byDefault = TestConfigs.loader(cwd, Map.of()).build().load(file);
        OpenScisConfig overridden = TestConfigs.loader(cwd, Map.of())
                .dataDirOverride(Path.of("elsewhere")).build().load(file);

        assertThat(byDefault.dataDir()).isEqualTo(cwd.resolve("data").toString());
        assertThat(overridden.dataDir()).isEqualTo(cwd.resolve("elsewhere").toString());
        assertThat(overridden.switchKeys().signingKeyFile())
                .isEqualTo(cwd.resolve("elsewhere/keys/switch-signing.pem").toString());
    }

    @Test
    void minimalConfigGetsTheDocumentedDefaults() throws Exception {
        OpenScisConfig config = load(TestConfigs.MINIMAL);

        assertThat(config.listeners().http()).isEqualTo(ListenerConfig.defaultHttp());
        assertThat(config.listeners().admin()).isEqualTo(ListenerConfig.defaultAdmin());
        assertThat(config.limits()).isEqualTo(new LimitsConfig(65536, 8192, 16, 1024, Duration.ofSeconds(1), Duration.ofSeconds(8),
                Duration.ofSeconds(60), 10000));
        assertThat(config.security()).isEqualTo(new SecurityConfig(Duration.ofSeconds(300), true,
                SecurityConfig.ReqPathCheck.STRICT, Duration.ofHours(48), 5, Duration.ofHours(24)));
        assertThat(config.storage().kind()).isEqualTo("h2");
        assertThat(config.storage().h2File()).endsWith("openscis");
        assertThat(config.storage().poolSize()).isEqualTo(10);
        ProductConfig product = config.issuers().get(0).products().get(0);
        assertThat(product.panLength()).isEqualTo(16);
        assertThat(product.expiryMonths()).isEqualTo(36);
        assertThat(product.cvmFields()).containsExactly("firstName", "lastName", "idType", "idNo", "idCountry");
        assertThat(product.allowedMessageTypes()).allMatch(MessageType::inbound);
        assertThat(product.cardFaces().get(0)).isEqualTo(new CardFaceConfig("100101",
                tmp.resolve("conf/face.png").toString(), "0", "20", "200", "10", "#FFFFFF"));
    }

    @Test
    void unknownKeyIsNamedWithItsFullPath() {
        List<String> problems = problems(TestConfigs.MINIMAL + """
                listeners:
                  http:
                    prot: 8080
                """);

        assertThat(problems).singleElement().asString().startsWith("listeners.http.prot: unknown key");
    }

    @Test
    void badDurationIsNamed() {
        List<String> problems = problems(TestConfigs.MINIMAL + """
                security:
                  timestampSkew: 300
                """);

        assertThat(problems).singleElement().asString().startsWith(
                "security.timestampSkew: must be a duration such as 500ms, 8s, 10m, 48h or 7d, found \"300\"");
    }

    @Test
    void cardVerificationLimitIsConfigurable() throws Exception {
        OpenScisConfig config = load(TestConfigs.MINIMAL + """
                security:
                  maxCardVerificationFailures: 3
                  cardVerificationWindow: 30d
                """);

        assertThat(config.security().maxCardVerificationFailures()).isEqualTo(3);
        assertThat(config.security().cardVerificationWindow()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void cardVerificationLimitOutOfRangeIsNamed() {
        List<String> problems = problems(TestConfigs.MINIMAL + """
                security:
                  maxCardVerificationFailures: 101
                  cardVerificationWindow: 31d
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "security.maxCardVerificationFailures: must be between 1 and 100, found 101"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "security.cardVerificationWindow: must be at most 720h, found 31d"));
        assertThat(problems).hasSize(2);
    }

    @Test
    void aZeroCardVerificationLimitIsRefused() {
        List<String> problems = problems(TestConfigs.MINIMAL + """
                security:
                  maxCardVerificationFailures: 0
                  cardVerificationWindow: 0s
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "security.maxCardVerificationFailures: must be between 1 and 100, found 0"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "security.cardVerificationWindow: must be longer than zero"));
    }

    @Test
    void durationsAcceptEveryUnit() throws Exception {
        OpenScisConfig config = load(TestConfigs.MINIMAL + """
                limits:
                  requestDeadline: 4500ms
                  idleTimeout: 2m
                security:
                  timestampSkew: 90s
                  idempotencyRetention: 3d
                """);

        assertThat(config.limits().requestDeadline()).isEqualTo(Duration.ofMillis(4500));
        assertThat(config.limits().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.security().timestampSkew()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.security().idempotencyRetention()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void missingEnvironmentVariableWithoutDefaultIsNamed() {
        List<String> problems = problems(TestConfigs.MINIMAL + """
                listeners:
                  http:
                    port: "${OPENSCIS_TEST_PORT}"
                """);

        assertThat(problems).singleElement().asString().startsWith(
                "listeners.http.port: environment variable OPENSCIS_TEST_PORT is not set and has no default");
    }

    @Test
    void interpolationHandlesDefaultsPartsEscapesAndEmptyValues() throws Exception {
        OpenScisConfig config = TestConfigs.loader(tmp, Map.of("HOST", "wallet.example", "EMPTY", ""))
                .build().load(TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL.replace(
                        "callbackUrl: http://127.0.0.1:8082/callback",
                        "callbackUrl: \"https://${HOST}:${PORT:8443}/cb${EMPTY}\"")
                        + "storage:\n  user: \"${DB_USER:http://a:b}\"\n  password: \"$${literal}\"\n"));

        assertThat(config.participants().get(0).callbackUrl()).isEqualTo("https://wallet.example:8443/cb");
        assertThat(config.storage().user()).isEqualTo("http://a:b");
        assertThat(config.storage().password()).isEqualTo("${literal}");
    }

    @Test
    void outOfRangePortIsNamed() {
        List<String> problems = problems(TestConfigs.MINIMAL + """
                listeners:
                  admin:
                    port: 70000
                """);

        assertThat(problems).singleElement().asString()
                .startsWith("listeners.admin.port: must be between 0 and 65535, found 70000");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        ConfigException e = failure(TestConfigs.MINIMAL + """
                listeners:
                  http:
                    port: eighty
                limits:
                  maxBodyBytes: 20000000
                  workerThreads: 0
                observability:
                  logLevel: LOUD
                  colour: blue
                """);

        assertThat(e.problems()).hasSize(5);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(
                "listeners.http.port: must be a whole number, found \"eighty\""));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(
                "limits.maxBodyBytes: must be between 1 and 16777216, found 20000000"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("limits.workerThreads: must be between"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("observability.logLevel: must be one of"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("observability.colour: unknown key"));
        assertThat(e.getMessage()).contains("5 problems").contains("  limits.workerThreads");
    }

    @Test
    void problemsCarryTheirLineNumber() {
        List<String> problems = problems(TestConfigs.MINIMAL + "limits:\n  maxConnections: -1\n");

        int line = TestConfigs.MINIMAL.split("\n").length + 2;
        assertThat(problems).containsExactly(
                "limits.maxConnections: must be between 1 and 1000000, found -1 (line " + line + ")");
    }

    @Test
    void participantAndIssuerRulesAreChecked() {
        List<String> problems = problems("""
                switchKeys:
                  signingKid: "1"
                  signingKeyFile: "data:k1.pem"
                  encryptionKeys: [{kid: "2", file: "data:k2.pem"}]
                  generateIfMissing: true
                participants:
                  - insID: "3999-0157"
                    signingKeys: {"a": "data:a.pem"}
                    encryptionKeyFile: "data:e.pem"
                    encryptionKid: "e"
                    signingAlgorithms: [HS256]
                    callbackUrl: ftp://wallet.example/cb
                    callbackUrls: {CVM_INQUIRY: http://x.example/}
                    allowedMessageTypes: [CPQRC_PAYMENT]
                  - insID: "39990157"
                    signingKeys: {"a": "data:a.pem"}
                    encryptionKid: "e"
                    encryptionKeyFile: "data:e.pem"
                    callbackUrl: http://wallet.example/cb
                  - insID: "39990157"
                    kind: ACQUIRER
                    signingKeys: {"a": "data:a.pem"}
                issuers:
                  - iin: "6200001"
                    name: Bank
                    products:
                      - prdNo: "1003"
                        bin: "63351000"
                        panLength: 17
                        tokenBin: "629"
                        cardType: Virtual Card
                        currency: HKD
                        cardFaces: [{id: "10010", file: missing.png, color: yellow}]
                        cvmFields: [firstName, shoeSize]
                      - prdNo: "1003"
                        bin: "62351000"
                        tokenBin: "6235100"
                        cardType: Virtual Card
                        currency: "344"
                        cardFaces: [{id: "100101", file: face.png}]
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[0].insID: must be 1-16 letters or digits, found \"3999-0157\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[0].signingAlgorithms[0]: must be RS256, PS256 or ES256, found \"HS256\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[0].callbackUrl: must be an http:// or https:// URL"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[0].callbackUrls.CVM_INQUIRY: is not a message type the switch sends"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[0].allowedMessageTypes[0]: is not a message type an APP_GATEWAY sends"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[2].insID: insID \"39990157\" is already used at participants[1].insID"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("issuers[0].iin: must be 8 digits"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].bin: must be 6-8 digits starting with 62, found \"63351000\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].panLength: must be 16 or 19, found 17"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].tokenBin: must be 6-8 digits starting with 62, found \"629\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].currency: must be an ISO 4217 numeric code (3 digits), found \"HKD\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].cardFaces[0].id: must be 6 digits"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].cardFaces[0].color: must be a colour #RRGGBB"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].cardFaces[0].file: ").contains("missing.png does not exist"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].cvmFields[1]: is not a cvmInfo field"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[1].prdNo: prdNo \"1003\" is already used at issuers[0].products[0].prdNo"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[1].tokenBin: \"6235100\" overlaps \"62351000\" at issuers[0].products[1].bin"));
    }

    @Test
    void appGatewayNeedsCallbackAndEncryptionKeyButAnAcquirerDoesNot() throws Exception {
        List<String> problems = problems(TestConfigs.MINIMAL.replace(
                "    encryptionKid: \"2000000000002\"\n    encryptionKeyFile: \"data:keys/appgw-encryption.pub.pem\"\n"
                        + "    callbackUrl: http://127.0.0.1:8082/callback\n", ""));
        OpenScisConfig acquirer = load(TestConfigs.MINIMAL.replace(
                "    encryptionKid: \"2000000000002\"\n    encryptionKeyFile: \"data:keys/appgw-encryption.pub.pem\"\n"
                        + "    callbackUrl: http://127.0.0.1:8082/callback\n", "    kind: acquirer\n"));

        assertThat(problems).containsExactlyInAnyOrder(
                "participants[0].encryptionKeyFile: is required for an APP_GATEWAY: the switch encrypts card data"
                        + " to it (line 9)",
                "participants[0].callbackUrl: is required for an APP_GATEWAY: notifications are sent there (line 9)");
        assertThat(acquirer.participants().get(0).kind()).isEqualTo(Participant.Kind.ACQUIRER);
        assertThat(acquirer.participants().get(0).allowedMessageTypes()).containsExactly(
                MessageType.CPQRC_PAYMENT, MessageType.REFUND, MessageType.CANCELLATION);
    }

    @Test
    void requiredSectionsAreNamedForAnEmptyFile() {
        List<String> problems = problems("");

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("switchKeys.signingKid: is required"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("switchKeys.signingKeyFile: is required"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("switchKeys.encryptionKeys: is required"));
    }

    @Test
    void emptyListsAreNamedWhereAnEmptyListWouldMeanNothingWorks() {
        List<String> problems = problems(TestConfigs.MINIMAL
                .replace("      \"2000000000001\": \"data:keys/appgw-signing.pub.pem\"\n", "      {}\n")
                .replace("    callbackUrl: http://127.0.0.1:8082/callback\n",
                        "    callbackUrl: http://127.0.0.1:8082/callback\n    allowedMessageTypes: []\n"
                                + "    signingAlgorithms: []\n")
                .replace("        cardType: Virtual Card\n", "        cardType: Virtual Card\n        cvmFields: []\n")
                .replace("        currency: \"344\"", "        currency: \"001\""));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("participants[0].signingKeys: is required"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[0].allowedMessageTypes: must name at least one message type"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[0].signingAlgorithms: must name at least one algorithm"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].cvmFields: must name at least one field"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].products[0].currency: is not an ISO 4217 currency code, found \"001\""));
        String noIssuers = TestConfigs.MINIMAL.substring(0, TestConfigs.MINIMAL.indexOf("issuers:")) + "issuers: []\n";
        assertThat(problems(noIssuers)).containsExactly(
                "issuers: is required: at least one issuer with its card products (line 15)");
    }

    @Test
    void keyFilesMustExistWhenTheyAreNotGenerated() {
        List<String> problems = problems(TestConfigs.MINIMAL.replace("generateIfMissing: true",
                "generateIfMissing: false"));

        assertThat(problems).hasSize(4).allSatisfy(p -> assertThat(p).contains(" does not exist"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("switchKeys.signingKeyFile: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("switchKeys.encryptionKeys[0].file: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "participants[0].signingKeys.2000000000001: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("participants[0].encryptionKeyFile: "));
    }

    @Test
    void keyFilesOutsideTheDataDirectoryAreNeverLeftToGeneration() {
        List<String> problems = problems(TestConfigs.MINIMAL.replace("\"data:keys/appgw-signing.pub.pem\"",
                "partners/appgw.pub.pem"));

        assertThat(problems).singleElement().asString().startsWith("participants[0].signingKeys.2000000000001: "
                + tmp.resolve("conf/partners/appgw.pub.pem") + " does not exist");
    }

    @Test
    void theBootstrapStepRunsOnlyOnAWellFormedConfigAndThenEveryKeyIsChecked() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Path good = TestConfigs.write(tmp.resolve("good"), TestConfigs.MINIMAL);
        Path bad = TestConfigs.write(tmp.resolve("bad"), TestConfigs.MINIMAL + "limits: {workerThreads: 0}\n");
        ConfigLoader loader = TestConfigs.loader(tmp, Map.of())
                .beforeFileChecks(config -> runs.incrementAndGet()).build();

        ConfigException afterBootstrap = catchThrowableOfType(ConfigException.class, () -> loader.load(good));
        ConfigException malformed = catchThrowableOfType(ConfigException.class, () -> loader.load(bad));

        assertThat(runs).hasValue(1);
        assertThat(afterBootstrap.problems()).hasSize(4).allSatisfy(p -> assertThat(p).contains("does not exist"));
        assertThat(malformed.problems()).singleElement().asString().startsWith("limits.workerThreads");
    }

    @Test
    void filePathsFollowTheDataPrefixConvention() throws Exception {
        Path absolute = tmp.resolve("conf/face.png");
        OpenScisConfig relative = load(TestConfigs.MINIMAL.replace("file: face.png", "file: ../conf/./face.png"));
        OpenScisConfig asWritten = load(TestConfigs.MINIMAL.replace("file: face.png", "file: " + absolute));

        assertThat(relative.issuers().get(0).products().get(0).cardFaces().get(0).file())
                .isEqualTo(absolute.toString());
        assertThat(asWritten.issuers().get(0).products().get(0).cardFaces().get(0).file())
                .isEqualTo(absolute.toString());
        assertThat(problems(TestConfigs.MINIMAL.replace("\"data:keys/switch-signing.pem\"", "\"data:/etc/k.pem\"")))
                .singleElement().asString().startsWith("switchKeys.signingKeyFile: \"data:/etc/k.pem\": a data: name"
                        + " must be relative to the data directory");
    }

    @Test
    void signingKeysMayBeAListOfKidAndFile() throws Exception {
        OpenScisConfig config = load(TestConfigs.MINIMAL.replace(
                "      \"2000000000001\": \"data:keys/appgw-signing.pub.pem\"",
                "      - {kid: \"k1\", file: \"data:keys/a.pem\"}\n      - {kid: \"k2\", file: \"data:keys/b.pem\"}"));

        assertThat(config.participants().get(0).signingKeys().keySet()).containsExactly("k1", "k2");
    }

    @Test
    void cardArtMustBeAnImage() throws Exception {
        Path file = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL);
        Files.writeString(file.resolveSibling("face.png"), "not an image");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> TestConfigs.loader(tmp, Map.of()).build().load(file));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("issuers[0].products[0].cardFaces[0].file: ").endsWith("is not a PNG or JPEG image");
    }

    @Test
    void syntaxErrorsAndMissingFilesAreConfigErrors() throws Exception {
        List<String> syntax = problems("listeners:\n  http: [unclosed\n");

        assertThat(syntax).singleElement().asString().startsWith("(top level): not valid YAML");
        assertThatThrownBy(() -> TestConfigs.loader(tmp, Map.of()).build().load(tmp.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml").hasMessageContaining(
                        "does not exist");
    }

    @Test
    void duplicateKeysAndWrongShapesAreNamed() {
        List<String> problems = problems(TestConfigs.MINIMAL + """
                limits:
                  maxBodyBytes: 1000
                  maxBodyBytes: 2000
                observability: [metricsEnabled]
                storage:
                  kind: postgresql
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("limits.maxBodyBytes: duplicate key"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "observability: must be a mapping of keys to values, found a list"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "storage.url: is required when kind is postgresql"));
    }

    @Test
    void crossSectionRulesAreChecked() {
        List<String> problems = problems(TestConfigs.MINIMAL.replace("    name: Test Bank\n",
                "    name: Test Bank\n    cbs: {mode: http, callTimeout: 10s}\n") + """
                listeners:
                  http: {port: 9000}
                  admin: {port: 9000}
                security:
                  timestampSkew: 10m
                  idempotencyRetention: 5m
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "listeners.admin.port: must differ from listeners.http.port (9000)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "security.idempotencyRetention: must be longer than security.timestampSkew (10m)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].cbs.callTimeout: must be shorter than limits.requestDeadline (8s), found 10s"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "issuers[0].cbs.baseUrl: is required when mode is http"));
    }

    @Test
    void storagePasswordIsNotPrinted() throws Exception {
        OpenScisConfig config = TestConfigs.loader(tmp, Map.of("PW", "s3cret")).build().load(
                TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL + """
                        storage:
                          kind: postgresql
                          url: jdbc:postgresql://db/openscis
                          password: "${PW}"
                        """));

        assertThat(config.storage().password()).isEqualTo("s3cret");
        assertThat(config.storage().toString()).doesNotContain("s3cret");
    }

    private OpenScisConfig load(String yaml) throws Exception {
        return TestConfigs.loader(tmp, Map.of()).build().load(TestConfigs.write(tmp.resolve("conf"), yaml));
    }

    private ConfigException failure(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> load(yaml));
    }

    private List<String> problems(String yaml) {
        ConfigException e = failure(yaml);
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e.problems();
    }
}
