package org.openscis.server.adapters;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.openscis.server.storage.JdbcExchangedKeys;
import org.openscis.server.storage.KeyUse;

/** {@link ExchangedKeys} over the database table, stamping additions with the switch clock. */
public final class StoredExchangedKeys implements ExchangedKeys {

    private final JdbcExchangedKeys table;
    private final Clock clock;

    public StoredExchangedKeys(JdbcExchangedKeys table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Map<String, PublicKey> signingKeys(String insId) {
        return table.signingKeys(insId);
    }

    @Override
    public Optional<Map.Entry<String, PublicKey>> latestEncryptionKey(String insId) {
        return table.latestEncryptionKey(insId);
    }

    @Override
    public boolean addSigning(String insId, String kid, PublicKey key) {
        return table.add(insId, kid, KeyUse.SIG, key, clock.instant());
    }

    @Override
    public boolean addEncryption(String insId, String kid, PublicKey key) {
        return table.add(insId, kid, KeyUse.ENC, key, clock.instant());
    }
}
