package org.openscis.server.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link CallbackSender} for tests: records every attempt and answers it with a scripted outcome, or leaves it
 * open (when the script answers {@code null}) for the test to complete through {@link Sent#reply()}.
 */
public final class RecordingSender implements CallbackSender {

    /** One attempt as the dispatcher made it. */
    public record Sent(String recipientInsId, String msgType, String msgId, byte[] body, Instant deadline,
            CompletableFuture<CallbackDelivery> reply) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private volatile Function<Sent, CallbackDelivery> answer;
    private int maxOutstanding;

    public RecordingSender(Function<Sent, CallbackDelivery> answer) {
        this.answer = answer;
    }

    /** Acknowledges everything with 00. */
    public static RecordingSender acknowledging() {
        return new RecordingSender(s -> new CallbackDelivery.Acknowledged("00"));
    }

    public void answer(Function<Sent, CallbackDelivery> newAnswer) {
        this.answer = newAnswer;
    }

    @Override
    public CompletableFuture<CallbackDelivery> send(String recipientInsId, String msgType, String msgId,
            byte[] envelopeBody, Instant deadline) {
        Sent s = new Sent(recipientInsId, msgType, msgId, envelopeBody.clone(), deadline, new CompletableFuture<>());
        synchronized (this) {
            sent.add(s);
            maxOutstanding = Math.max(maxOutstanding, (int) sent.stream().filter(x -> !x.reply().isDone()).count());
        }
        CallbackDelivery outcome = answer.apply(s);
        if (outcome != null) {
            s.reply().complete(outcome);
        }
        return s.reply();
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized int count() {
        return sent.size();
    }

    public List<String> msgIds() {
        return sent().stream().map(Sent::msgId).toList();
    }

    /** The most attempts that were open at one time. */
    public synchronized int maxOutstanding() {
        return maxOutstanding;
    }
}
