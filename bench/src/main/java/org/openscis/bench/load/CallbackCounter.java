package org.openscis.bench.load;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.openscis.server.client.CallbackReceiver;
import org.openscis.server.client.ClientIdentity;
import org.openscis.server.client.ReceivedCallback;

/**
 * Plays the App Gateway's callback endpoint during a run (the client library's {@link CallbackReceiver}: verifies
 * each callback's signature and answers it signed) and counts what arrives, per phase. Without it, the switch's
 * TRX_RESULT_NOTIFICATIONs of money movements fail and are retried in the background, which is load of its own.
 * The receiver's own record of deliveries is cleared regularly so a long run does not keep them all.
 */
final class CallbackCounter implements AutoCloseable {

    /** Deliveries the receiver keeps before they are dropped from its list (they are counted here). */
    static final int MAX_KEPT = 10_000;

    /**
     * What arrived in a phase.
     *
     * @param byType    deliveries by {@code msgType} and, for TRX_RESULT_NOTIFICATION, {@code trxMsgType}
     * @param invalid   deliveries whose signature did not verify
     * @param duplicate deliveries of a msgID already received (at-least-once delivery)
     */
    record Counts(String url, Map<String, Long> byType, long invalid, long duplicate) {

        Counts {
            byType = Map.copyOf(byType);
        }

        long total() {
            return byType.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The counts of several rounds of the same mix together. */
        static Counts merge(List<Counts> rounds) {
            Map<String, Long> types = new TreeMap<>();
            long invalid = 0;
            long duplicate = 0;
            for (Counts c : rounds) {
                c.byType().forEach((k, n) -> types.merge(k, n, Long::sum));
                invalid += c.invalid();
                duplicate += c.duplicate();
            }
            return new Counts(rounds.isEmpty() ? "" : rounds.get(0).url(), types, invalid, duplicate);
        }
    }

    private final CallbackReceiver receiver;
    private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder duplicate = new LongAdder();
    /** Also told of every delivery (the CPQRC flow confirms verifications), or null. */
    private volatile Consumer<ReceivedCallback> also;

    private CallbackCounter(CallbackReceiver receiver) {
        this.receiver = receiver;
        receiver.onCallback(this::count);
    }

    /** Listens on {@code 127.0.0.1:port} as the App Gateway of {@code identity}. */
    static CallbackCounter listen(ClientIdentity identity, int port) {
        return new CallbackCounter(CallbackReceiver.start(identity, new InetSocketAddress("127.0.0.1", port)));
    }

    /** Tells {@code listener} of every delivery too, after counting it. */
    void alsoNotify(Consumer<ReceivedCallback> listener) {
        this.also = listener;
    }

    String url() {
        return receiver.url().toString();
    }

    /** The counts since the previous call, which starts the next phase. */
    synchronized Counts takeCounts() {
        Map<String, Long> types = new TreeMap<>();
        byType.forEach((k, v) -> types.put(k, v.sumThenReset()));
        types.values().removeIf(v -> v == 0);
        return new Counts(url(), types, invalid.sumThenReset(), duplicate.sumThenReset());
    }

    private void count(ReceivedCallback c) {
        String type = c.msgType() == null ? "-" : c.msgType();
        String about = c.trxInfo().string("trxMsgType");
        byType.computeIfAbsent(about == null ? type : type + " / " + about, k -> new LongAdder()).increment();
        if (!c.signatureValid()) {
            invalid.increment();
        }
        if (c.duplicate()) {
            duplicate.increment();
        }
        if (receiver.count() >= MAX_KEPT) {
            receiver.clear();
        }
        Consumer<ReceivedCallback> listener = also;
        if (listener != null) {
            listener.accept(c);
        }
    }

    @Override
    public void close() {
        receiver.close();
    }
}
