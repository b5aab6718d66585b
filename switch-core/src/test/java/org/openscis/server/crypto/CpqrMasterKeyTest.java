package org.openscis.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpqrMasterKeyTest {

    @TempDir
    Path tmp;

    @Test
    void theMasterKeyIs32BytesAndTheSameForEveryCopyOfTheKeyring() throws Exception {
        Path file = tmp.resolve("keys/data-keys.json");
        byte[] first = CpqrMasterKey.derive(DataKeyring.open(file, true, Clock.systemUTC()));
        byte[] reopened = CpqrMasterKey.derive(DataKeyring.open(file, false, Clock.systemUTC()));

        assertThat(first).hasSize(32).isEqualTo(reopened);
        assertThat(CpqrMasterKey.derive(DataKeyring.ephemeral(Clock.systemUTC()))).isNotEqualTo(first);
    }

    @Test
    void rotatingDataKeysKeepsTheMasterKey() throws Exception {
        DataKeyring keyring = DataKeyring.open(tmp.resolve("keys/data-keys.json"), true, Clock.systemUTC());
        byte[] before = CpqrMasterKey.derive(keyring);
        keyring.rotate();
        assertThat(CpqrMasterKey.derive(keyring)).isEqualTo(before);
    }
}
