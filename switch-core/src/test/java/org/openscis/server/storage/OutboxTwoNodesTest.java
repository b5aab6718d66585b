package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.outbox.CallbackSender;
import org.openscis.server.outbox.CallbackDispatcher;
import org.openscis.server.outbox.JdbcOutbox;
import org.openscis.server.outbox.JdbcOutboxAdmin;
import org.openscis.server.outbox.OutboxSettings;
import org.openscis.server.outbox.RecordingSender;

/**
 * Two switch nodes (two pools, two dispatchers) on one database, H2 and PostgreSQL: every callback is delivered by
 * exactly one of them, and the callbacks of each token in the order they were stored.
 */
class OutboxTwoNodesTest extends StorageTestBase {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
    private static final OutboxSettings SETTINGS = new OutboxSettings(Duration.ofMillis(5), 8, 3,
            Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofHours(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    private static final int TOKENS = 6;
    private static final int PER_TOKEN = 5;

    private final List<CallbackDispatcher> dispatchers = new ArrayList<>();

    @BeforeEach
    void clearOutbox() {
        db().dsl().execute("DELETE FROM outbox");
    }

    @AfterEach
    void stopDispatchers() {
        dispatchers.forEach(CallbackDispatcher::close);
    }

    @Test
    void eachCallbackIsDeliveredByOneNodeInOrderPerToken() {
        DataCipher cipher = new DataCipher(DataKeyring.ephemeral(Clock.systemUTC()));
        Database second = testDb.openAnother();
        List<JdbcOutbox> nodes = List.of(new JdbcOutbox(db(), cipher, new SequenceAllocator(db())),
                new JdbcOutbox(second, cipher, new SequenceAllocator(second)));
        Map<String, List<String>> storedByToken = new LinkedHashMap<>();
        for (int round = 0; round < PER_TOKEN; round++) {
            for (int t = 0; t < TOKENS; t++) {
                String token = String.format("62920000%011d", t);
                String msgId = nodes.get(ThreadLocalRandom.current().nextInt(2))
                        .store(JdbcOutboxTest.notification(token, "n" + round), CLOCK.instant());
                storedByToken.computeIfAbsent(token, k -> new ArrayList<>()).add(msgId);
            }
        }
        // one log for both nodes, so that it holds the order the sends happened in
        RecordingSender log = RecordingSender.acknowledging();
        AtomicInteger[] sentBy = {new AtomicInteger(), new AtomicInteger()};
        for (int n = 0; n < 2; n++) {
            AtomicInteger counter = sentBy[n];
            start(nodes.get(n), (recipient, type, msgId, body, deadline) -> {
                counter.incrementAndGet();
                return log.send(recipient, type, msgId, body, deadline);
            });
        }

        JdbcOutboxAdmin admin = new JdbcOutboxAdmin(db());
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.counts().pending() == 0);

        assertThat(log.msgIds()).hasSize(TOKENS * PER_TOKEN).doesNotHaveDuplicates();
        assertThat(sentBy[0].get()).as("the first node took part").isPositive();
        assertThat(sentBy[1].get()).as("the second node took part").isPositive();
        // a token's next callback is claimed only once the previous one is recorded delivered, after its send
        Map<String, List<String>> sentByToken = new LinkedHashMap<>();
        for (RecordingSender.Sent s : log.sent()) {
            String token = ((DecodeResult.Ok) new EnvelopeCodec().decode(s.body())).envelope().trxInfo()
                    .string("token");
            sentByToken.computeIfAbsent(token, k -> new ArrayList<>()).add(s.msgId());
        }
        assertThat(sentByToken).isEqualTo(storedByToken);
    }

    private void start(JdbcOutbox outbox, CallbackSender sender) {
        CallbackDispatcher dispatcher = new CallbackDispatcher(outbox, sender, SETTINGS, CLOCK,
                new SimpleMeterRegistry());
        dispatchers.add(dispatcher);
        dispatcher.start();
    }
}
