package org.openscis.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code qr.verification} section: the cardholder verification wait of CPQRC_PAYMENT. */
class QrVerificationConfigTest {

    @TempDir
    Path tmp;

    @Test
    void verificationHasDefaults() throws Exception {
        assertThat(load(TestConfigs.MINIMAL).qr().verification()).isEqualTo(QrVerificationConfig.defaults());
        assertThat(QrVerificationConfig.defaults())
                .isEqualTo(new QrVerificationConfig(Duration.ofSeconds(30), Duration.ofMillis(250)));
    }

    @Test
    void verificationIsBound() throws Exception {
        OpenScisConfig config = load(TestConfigs.MINIMAL
                + "qr:\n  verification:\n    timeout: 45s\n    pollInterval: 100ms\n");
        assertThat(config.qr().verification())
                .isEqualTo(new QrVerificationConfig(Duration.ofSeconds(45), Duration.ofMillis(100)));
    }

    @Test
    void theShippedConfigurationSetsTheDefaults() throws Exception {
        OpenScisConfig shipped = TestConfigs.loader(tmp, Map.of("OPENSCIS_DATA_DIR", tmp.resolve("state").toString()))
                .build().load(TestConfigs.shipped());
        assertThat(shipped.qr().verification()).isEqualTo(QrVerificationConfig.defaults());
    }

    @Test
    void badValuesAreNamed() {
        assertThat(problems(TestConfigs.MINIMAL + "qr:\n  verification:\n    timeout: 0s\n    pollInterval: 1h\n"))
                .anySatisfy(p -> assertThat(p).startsWith("qr.verification.timeout"))
                .anySatisfy(p -> assertThat(p).startsWith("qr.verification.pollInterval"));
    }

    private OpenScisConfig load(String yaml) throws Exception {
        return TestConfigs.loader(tmp, Map.of()).build().load(TestConfigs.write(tmp.resolve("conf"), yaml));
    }

    private List<String> problems(String yaml) {
        Throwable t = catchThrowable(() -> load(yaml));
        assertThat(t).isInstanceOf(ConfigException.class);
        return ((ConfigException) t).problems();
    }
}
