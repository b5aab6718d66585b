package org.openscis.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code qr.codes} section: consumer-presented codes. */
class QrConfigTest {

    @TempDir
    Path tmp;

    @Test
    void codesHaveDefaults() throws Exception {
        assertThat(load(TestConfigs.MINIMAL).qr()).isEqualTo(QrConfig.defaults());
        assertThat(QrCodesConfig.defaults()).isEqualTo(new QrCodesConfig(Duration.ofMinutes(5), 10));
    }

    @Test
    void codesAreBound() throws Exception {
        OpenScisConfig config = load(TestConfigs.MINIMAL + "qr:\n  codes:\n    validity: 90s\n    maxPerRequest: 3\n");
        assertThat(config.qr().codes()).isEqualTo(new QrCodesConfig(Duration.ofSeconds(90), 3));
    }

    @Test
    void theShippedConfigurationSetsTheDefaults() throws Exception {
        OpenScisConfig shipped = TestConfigs.loader(tmp, Map.of("OPENSCIS_DATA_DIR", tmp.resolve("state").toString()))
                .build().load(TestConfigs.shipped());
        assertThat(shipped.qr()).isEqualTo(QrConfig.defaults());
        assertThat(Files.readString(TestConfigs.shipped())).contains("maxPerRequest: 10");
    }

    @Test
    void badValuesAreNamed() {
        assertThat(problems(TestConfigs.MINIMAL + "qr:\n  codes:\n    validity: 0s\n    maxPerRequest: 100\n"))
                .anySatisfy(p -> assertThat(p).startsWith("qr.codes.validity: must be longer than zero"))
                .anySatisfy(p -> assertThat(p).startsWith("qr.codes.maxPerRequest: must be between 1 and 99"));
        assertThat(problems(TestConfigs.MINIMAL + "qr:\n  codes:\n    validity: 2d\n    colour: red\n"))
                .anySatisfy(p -> assertThat(p).startsWith("qr.codes.validity: must be at most"))
                .anySatisfy(p -> assertThat(p).contains("qr.codes.colour"));
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
