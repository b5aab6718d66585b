package org.openscis.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeyringTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void createsAMissingFileReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("keys/data-keys.json");

        DataKeyring ring = DataKeyring.open(file, true, CLOCK);

        assertThat(Files.exists(file)).isTrue();
        assertThat(ring.keyIds()).hasSize(1).containsExactly(ring.currentKeyId());
        assertThat(ring.file()).contains(file.toAbsolutePath());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file);
        }
    }

    @Test
    void refusesToCreateWhenNotAllowed() {
        assertThatThrownBy(() -> DataKeyring.open(dir.resolve("none.json"), false, CLOCK))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("none.json");
    }

    @Test
    void reloadedKeyringHasTheSameKeys() throws IOException {
        Path file = dir.resolve("k.json");
        DataKeyring created = DataKeyring.open(file, true, CLOCK);
        byte[] sealed = new DataCipher(created).encrypt(new byte[] {1, 2, 3}, "aad");

        DataKeyring loaded = DataKeyring.open(file, true, CLOCK);

        assertThat(loaded.keyIds()).isEqualTo(created.keyIds());
        assertThat(new DataCipher(loaded).decrypt(sealed, "aad")).containsExactly(1, 2, 3);
        assertThat(new KeyedHash(loaded).pan("6200001234567890"))
                .isEqualTo(new KeyedHash(created).pan("6200001234567890"));
        assertThat(new DerivedCardSecrets(loaded).cvn2("6200001234567890", "2903"))
                .isEqualTo(new DerivedCardSecrets(created).cvn2("6200001234567890", "2903"));
    }

    @Test
    void rotationAppendsANewestKeyAndSavesIt() throws IOException {
        Path file = dir.resolve("k.json");
        DataKeyring ring = DataKeyring.open(file, true, CLOCK);
        String first = ring.currentKeyId();

        String second = ring.rotate();

        assertThat(ring.currentKeyId()).isEqualTo(second).isNotEqualTo(first);
        assertThat(ring.keyIds()).containsExactly(first, second);
        DataKeyring reloaded = DataKeyring.open(file, false, CLOCK);
        assertThat(reloaded.keyIds()).containsExactly(first, second);
        assertThat(reloaded.currentKeyId()).isEqualTo(second);
    }

    @Test
    void ephemeralKeyringRotatesWithoutAFile() throws IOException {
        DataKeyring ring = DataKeyring.ephemeral(CLOCK);
        ring.rotate();
        assertThat(ring.keyIds()).hasSize(2);
        assertThat(ring.file()).isEmpty();
        assertThat(ring.toString()).contains("in memory");
    }

    @Test
    void toStringShowsIdsButNoKeyMaterial() throws IOException {
        DataKeyring ring = DataKeyring.open(dir.resolve("k.json"), true, CLOCK);
        ring.rotate();

        String text = ring + " " + new DataCipher(ring) + " " + new KeyedHash(ring) + " "
                + new DerivedCardSecrets(ring) + " " + ring.currentKey();

        assertThat(text).contains(ring.currentKeyId());
        byte[][] secrets = {ring.indexKey().getEncoded(), ring.cardSecretKey().getEncoded(),
            ring.key(ring.keyIds().get(0)).orElseThrow().key().getEncoded(), ring.currentKey().key().getEncoded()};
        for (byte[] secret : secrets) {
            assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(secret))
                    .doesNotContain(HexFormat.of().formatHex(secret));
        }
    }

    @Test
    void malformedFilesAreReportedWithoutTheirContent() throws IOException {
        String secretish = Base64.getEncoder().encodeToString(new byte[32]);
        String header = "{\"format\":\"openscis-data-keyring\",\"version\":1,";
        String keys = "\"indexKey\":\"" + secretish + "\",\"cardSecretKey\":\"" + secretish + "\",";
        String key = "{\"id\":\"dk1\",\"createdAt\":\"2026-03-01T10:00:00Z\",\"key\":\"" + secretish + "\"}";

        assertMalformed(header + "\"indexKey\":\"" + secretish, "not valid JSON", secretish);
        assertMalformed("[]", "not a JSON object", null);
        assertMalformed("{\"format\":\"other\",\"version\":1}", "expected format", null);
        assertMalformed(header + "\"indexKey\":\"AAAA\",\"cardSecretKey\":\"" + secretish + "\",\"dataKeys\":[]}",
                "indexKey must be 32 bytes", null);
        assertMalformed(header + keys + "\"dataKeys\":[]}", "dataKeys must be a non-empty array", null);
        assertMalformed(header + keys + "\"dataKeys\":[" + key + "," + key + "]}", "duplicate data key id dk1",
                null);
        assertMalformed(header + keys + "\"dataKeys\":[" + key.replace("dk1", "bad id!") + "]}",
                "data key id must be", null);
        assertMalformed(header + keys + "\"dataKeys\":[" + key.replace("2026-03-01T10:00:00Z", "yesterday") + "]}",
                "createdAt", null);
        assertMalformed(header + keys + "\"dataKeys\":[" + key.replace(secretish, "!!") + "]}",
                "data key dk1 must be 32 bytes", null);
    }

    private void assertMalformed(String content, String expected, String mustNotShow) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        OwnerOnly.restrict(file);
        assertThatThrownBy(() -> DataKeyring.open(file, true, CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(expected)
                .satisfies(e -> {
                    if (mustNotShow != null) {
                        assertThat(e.getMessage()).doesNotContain(mustNotShow);
                    }
                });
    }
}
