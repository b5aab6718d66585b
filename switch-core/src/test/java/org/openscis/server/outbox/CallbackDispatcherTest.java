package org.openscis.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.Notification;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.outbox.CallbackDelivery.Acknowledged;
import org.openscis.server.outbox.CallbackDelivery.Failed;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.SequenceAllocator;
import org.openscis.server.testing.MutableClock;

/** The dispatcher against an in-memory H2 outbox, in virtual time (only the poll cadence is real, and short). */
class CallbackDispatcherTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String APPGW = "39990157";
    private static final String TOKEN_A = "6292000012345678901";
    private static final String TOKEN_B = "6292000098765432109";
    private static final OutboxSettings FAST = new OutboxSettings(Duration.ofMillis(10), 10, 4, Duration.ofSeconds(1),
            Duration.ofSeconds(8), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(30));

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Database db;
    private JdbcOutbox outbox;
    private JdbcOutboxAdmin admin;
    private CallbackDispatcher dispatcher;

    @BeforeEach
    void openDatabase() {
        db = Database.openH2InMemory("outbox_" + UUID.randomUUID().toString().replace("-", ""));
        outbox = new JdbcOutbox(db, new DataCipher(DataKeyring.ephemeral(Clock.systemUTC())), new SequenceAllocator(db));
        admin = new JdbcOutboxAdmin(db);
    }

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        db.close();
    }

    private CallbackDispatcher start(CallbackSender sender, OutboxSettings settings) {
        dispatcher = new CallbackDispatcher(outbox, sender, settings, clock, registry);
        dispatcher.start();
        return dispatcher;
    }

    private String store(String token, String note) {
        return outbox.store(new Notification(APPGW, MessageType.TRX_RESULT_NOTIFICATION, token,
                TrxInfo.builder().put("token", token).put("trxNote", note).build()), clock.instant());
    }

    private OutboxEntry entry(String msgId) {
        return admin.list(false, 100).stream().filter(e -> e.msgId().equals(msgId)).findFirst().orElseThrow();
    }

    private double outcome(String outcome) {
        return registry.get("openscis.callbacks").tag("outcome", outcome).counter().count();
    }

    @Test
    void deliversASignedEnvelopeBodyAndRecordsTheDelivery() {
        RecordingSender sender = RecordingSender.acknowledging();
        String msgId = store(TOKEN_A, "hello");
        clock.advance(Duration.ofMillis(1500));

        start(sender, FAST);

        await().atMost(WAIT).until(() -> entry(msgId).state() == OutboxState.DELIVERED);
        RecordingSender.Sent sent = sender.sent().get(0);
        assertThat(sent.recipientInsId()).isEqualTo(APPGW);
        assertThat(sent.msgType()).isEqualTo("TRX_RESULT_NOTIFICATION");
        assertThat(sent.msgId()).isEqualTo(msgId);
        assertThat(sent.deadline()).isEqualTo(clock.instant().plus(FAST.callTimeout()));
        Envelope envelope = ((DecodeResult.Ok) new EnvelopeCodec().decode(sent.body())).envelope();
        assertThat(envelope.msgInfo().versionNo()).isEqualTo("1.0.0");
        assertThat(envelope.msgInfo().msgID()).isEqualTo(msgId);
        assertThat(envelope.msgInfo().timeStamp()).isEqualTo("20260301101531");
        assertThat(envelope.msgInfo().msgType()).isEqualTo("TRX_RESULT_NOTIFICATION");
        assertThat(envelope.msgInfo().insID()).isEqualTo(APPGW);
        assertThat(envelope.msgResponse()).isNull();
        assertThat(envelope.trxInfo()).isEqualTo(TrxInfo.builder().put("token", TOKEN_A).put("trxNote", "hello")
                .build());
        assertThat(entry(msgId).responseCode()).isEqualTo("00");
        assertThat(entry(msgId).deliveredAt()).isEqualTo(clock.instant());
        assertThat(entry(msgId).attempts()).isEqualTo(1);
        assertThat(outcome("delivered")).isEqualTo(1.0);
    }

    @Test
    void failedAttemptsBackOffExponentiallyUpToTheCapKeepingTheMsgId() {
        RecordingSender sender = new RecordingSender(s -> new Failed("connection refused"));
        String msgId = store(TOKEN_A, "x");
        start(sender, FAST);

        List<Duration> waits = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(8));
        for (int i = 0; i < waits.size(); i++) {
            int attempts = i + 1;
            await().atMost(WAIT).until(() -> entry(msgId).attempts() == attempts);
            OutboxEntry e = entry(msgId);
            assertThat(e.state()).isEqualTo(OutboxState.PENDING);
            assertThat(e.nextAttemptAt()).as("after attempt %d", attempts).isEqualTo(clock.instant().plus(waits.get(i)));
            assertThat(e.lastError()).isEqualTo("connection refused");
            assertThat(sender.count()).isEqualTo(attempts);
            clock.advance(waits.get(i));
            dispatcher.wakeUp();
        }
        await().atMost(WAIT).until(() -> sender.count() == waits.size() + 1);
        assertThat(sender.msgIds()).containsOnly(msgId);
        List<String> stamps = sender.sent().stream()
                .map(s -> ((DecodeResult.Ok) new EnvelopeCodec().decode(s.body())).envelope().msgInfo().timeStamp())
                .toList();
        assertThat(stamps).containsExactly("20260301101530", "20260301101531", "20260301101533", "20260301101537",
                "20260301101545", "20260301101553");
        await().atMost(WAIT).until(() -> outcome("retried") == waits.size() + 1);
    }

    @Test
    void givesUpAfterTheGiveUpPeriodAndAReplayStartsAfresh() {
        OutboxSettings settings = new OutboxSettings(Duration.ofMillis(10), 10, 4, Duration.ofSeconds(20),
                Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
        RecordingSender sender = new RecordingSender(s -> new Failed("HTTP 503"));
        String msgId = store(TOKEN_A, "x");
        start(sender, settings);

        // attempts at 0 s, 20 s, 40 s retry; the one at 60 s (the give-up period has passed) parks
        for (int attempts = 1; attempts <= 3; attempts++) {
            int done = attempts;
            await().atMost(WAIT).until(() -> entry(msgId).attempts() == done);
            clock.advance(Duration.ofSeconds(20));
            dispatcher.wakeUp();
        }
        await().atMost(WAIT).until(() -> entry(msgId).state() == OutboxState.PARKED);
        assertThat(entry(msgId).attempts()).isEqualTo(4);
        assertThat(entry(msgId).lastError()).isEqualTo("HTTP 503");
        assertThat(outcome("retried")).isEqualTo(3.0);
        assertThat(outcome("parked")).isEqualTo(1.0);

        clock.advance(Duration.ofHours(5));
        sender.answer(s -> new Acknowledged("00"));
        assertThat(admin.replay(msgId, clock.instant())).isEqualTo(ReplayResult.REPLAYED);
        dispatcher.wakeUp();

        await().atMost(WAIT).until(() -> entry(msgId).state() == OutboxState.DELIVERED);
        assertThat(sender.count()).isEqualTo(5);
    }

    @Test
    void aReplayedCallbackThatFailsAgainIsRetriedNotParkedAtOnce() {
        OutboxSettings settings = new OutboxSettings(Duration.ofMillis(10), 10, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
        RecordingSender sender = new RecordingSender(s -> new Failed("HTTP 503"));
        String msgId = store(TOKEN_A, "x");
        clock.advance(Duration.ofHours(2));
        start(sender, settings);
        await().atMost(WAIT).until(() -> entry(msgId).state() == OutboxState.PARKED);

        admin.replay(msgId, clock.instant());
        dispatcher.wakeUp();

        await().atMost(WAIT).until(() -> sender.count() == 2 && entry(msgId).attempts() == 1);
        assertThat(entry(msgId).state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void anAnswerOtherThan00IsRetriedAndItsCodeKept() {
        RecordingSender sender = new RecordingSender(s -> new Acknowledged("96"));
        String msgId = store(TOKEN_A, "x");
        start(sender, FAST);

        await().atMost(WAIT).until(() -> entry(msgId).attempts() == 1);
        assertThat(entry(msgId).state()).isEqualTo(OutboxState.PENDING);
        assertThat(entry(msgId).responseCode()).isEqualTo("96");
        assertThat(entry(msgId).lastError()).isEqualTo("recipient answered 96");

        sender.answer(s -> new Failed("timeout"));
        clock.advance(Duration.ofSeconds(1));
        dispatcher.wakeUp();
        await().atMost(WAIT).until(() -> entry(msgId).attempts() == 2);
        assertThat(entry(msgId).responseCode()).as("the last code the recipient sent").isEqualTo("96");
        assertThat(entry(msgId).lastError()).isEqualTo("timeout");
    }

    @Test
    void callbacksOfOneTokenGoOutOneAtATimeInOrder() {
        String a1 = store(TOKEN_A, "1");
        String a2 = store(TOKEN_A, "2");
        String b1 = store(TOKEN_B, "1");
        String a3 = store(TOKEN_A, "3");
        RecordingSender sender = new RecordingSender(s -> s.msgId().equals(a1) && s.deadline()
                .isBefore(T0.plusSeconds(6)) ? new Failed("refused") : new Acknowledged("00"));
        start(sender, FAST);

        await().atMost(WAIT).until(() -> entry(b1).state() == OutboxState.DELIVERED && entry(a1).attempts() == 1);
        assertThat(sender.msgIds()).doesNotContain(a2, a3);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.wakeUp();
        await().atMost(WAIT).until(() -> entry(a3).state() == OutboxState.DELIVERED);
        assertThat(sender.msgIds()).filteredOn(id -> !id.equals(b1)).containsExactly(a1, a1, a2, a3);
    }

    @Test
    void wakeUpDeliversWithoutWaitingForThePollInterval() {
        OutboxSettings slowPoll = new OutboxSettings(Duration.ofHours(1), 10, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(8), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
        RecordingSender sender = RecordingSender.acknowledging();
        start(sender, slowPoll);
        String a1 = store(TOKEN_A, "1");
        String a2 = store(TOKEN_A, "2");

        dispatcher.wakeUp();

        // the second follows the first's delivery without a poll
        await().atMost(WAIT).until(() -> entry(a2).state() == OutboxState.DELIVERED);
        assertThat(sender.msgIds()).containsExactly(a1, a2);
    }

    @Test
    void senderExceptionsAndAbandonedAnswersCountAsFailures() {
        String msgId = store(TOKEN_A, "x");
        CallbackSender throwing = (r, t, m, b, d) -> {
            throw new IllegalStateException("no route to 6292000012345678901");
        };
        start(throwing, FAST);
        await().atMost(WAIT).until(() -> entry(msgId).attempts() == 1);
        assertThat(entry(msgId).lastError()).isEqualTo("sender failed: IllegalStateException");
        dispatcher.close();

        CallbackSender failing = (r, t, m, b, d) -> CompletableFuture.failedFuture(new java.io.IOException("reset"));
        clock.advance(Duration.ofSeconds(1));
        start(failing, FAST);
        await().atMost(WAIT).until(() -> entry(msgId).attempts() == 2);
        assertThat(entry(msgId).lastError()).isEqualTo("sender failed: IOException");
        dispatcher.close();

        CallbackSender nothing = (r, t, m, b, d) -> null;
        clock.advance(Duration.ofSeconds(2));
        start(nothing, FAST);
        await().atMost(WAIT).until(() -> entry(msgId).attempts() == 3);
        assertThat(entry(msgId).lastError()).isEqualTo("sender returned no result");
    }

    @Test
    void anUnreadablePayloadIsParkedWithoutSending() {
        String a = store(TOKEN_A, "1");
        String b = store(TOKEN_B, "1");
        byte[] aPayload = db.dsl().fetchOne("SELECT payload_enc FROM outbox WHERE msg_id = ?", a).get(0, byte[].class);
        db.dsl().execute("UPDATE outbox SET payload_enc = ? WHERE msg_id = ?", aPayload, b);
        RecordingSender sender = RecordingSender.acknowledging();

        start(sender, FAST);

        await().atMost(WAIT).until(() -> entry(b).state() == OutboxState.PARKED
                && entry(a).state() == OutboxState.DELIVERED);
        assertThat(sender.msgIds()).containsExactly(a);
        assertThat(entry(b).lastError()).isEqualTo("stored payload cannot be read");
        assertThat(outcome("parked")).isEqualTo(1.0);
    }

    @Test
    void noMoreThanMaxConcurrentCallbacksAreInFlight() {
        OutboxSettings two = new OutboxSettings(Duration.ofMillis(10), 10, 2, Duration.ofSeconds(1),
                Duration.ofSeconds(8), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
        RecordingSender sender = new RecordingSender(s -> null);
        for (int i = 0; i < 5; i++) {
            store(String.format("62920000%011d", i), "n");
        }
        start(sender, two);

        for (int answered = 0; answered < 5; answered++) {
            int expected = Math.min(5, answered + 2);
            await().atMost(WAIT).until(() -> sender.count() == expected);
            assertThat(dispatcher.inFlight()).isEqualTo(expected - answered);
            sender.sent().get(answered).reply().complete(new Acknowledged("00"));
        }
        await().atMost(WAIT).until(() -> admin.counts().pending() == 0);
        assertThat(sender.maxOutstanding()).isEqualTo(2);
        assertThat(outcome("delivered")).isEqualTo(5.0);
    }

    @Test
    void gaugesShowPendingAndParkedCounts() {
        RecordingSender sender = new RecordingSender(s -> s.msgId().endsWith("000001") ? new Acknowledged("00")
                : null);
        store(TOKEN_A, "delivered");
        store(TOKEN_B, "left open");
        String parked = store("6292000011111111111", "parked");
        db.dsl().execute("UPDATE outbox SET state = 'PARKED' WHERE msg_id = ?", parked);

        start(sender, FAST);
        await().atMost(WAIT).until(() -> sender.count() == 2);
        clock.advance(CallbackDispatcher.COUNTS_REFRESH);

        await().atMost(WAIT).until(() -> registry.get("openscis.callbacks.pending").gauge().value() == 1.0);
        assertThat(registry.get("openscis.callbacks.parked").gauge().value()).isEqualTo(1.0);
    }
}
