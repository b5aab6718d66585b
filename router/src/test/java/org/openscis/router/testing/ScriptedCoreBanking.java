package org.openscis.router.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.CbsCall;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.CoreBanking;

/**
 * A CBS whose replies the test scripts: by default it approves everything at once. A script may inspect the world
 * when the call arrives (e.g. assert that the transaction is already stored), and {@link #deferred()} leaves each call
 * open until the test completes it, as a slow CBS would. Every call is recorded.
 */
public final class ScriptedCoreBanking implements CoreBanking {

    /** Decides the reply of one call, when the call arrives. */
    @FunctionalInterface
    public interface Script {
        CbsReply reply(String issuerIin, CbsCall call, Instant deadline);
    }

    /** One call as the CBS received it. */
    public record Received(String issuerIin, CbsCall call, Instant deadline) {}

    private final List<Received> calls = new ArrayList<>();
    private final List<CompletableFuture<CbsReply>> open = new ArrayList<>();
    private volatile Script script = (issuer, call, deadline) -> answered(ResponseCode.APPROVED);
    private volatile boolean deferred;

    public static CbsReply answered(ResponseCode code) {
        return new CbsReply.Answered(code, code.message(), TrxInfo.EMPTY);
    }

    /** Replies with {@code script} from now on. */
    public ScriptedCoreBanking script(Script replies) {
        this.script = Objects.requireNonNull(replies);
        this.deferred = false;
        return this;
    }

    /** Answers every call with {@code code}. */
    public ScriptedCoreBanking answer(ResponseCode code) {
        return script((issuer, call, deadline) -> answered(code));
    }

    /** Every call fails before it is sent, with {@code code} (91, 92 or 98). */
    public ScriptedCoreBanking notSent(ResponseCode code) {
        return script((issuer, call, deadline) -> new CbsReply.NotSent(code, "scripted: not sent"));
    }

    /** Every call is sent and never answered in time. */
    public ScriptedCoreBanking noAnswer() {
        return script((issuer, call, deadline) -> new CbsReply.NoAnswer("scripted: no answer"));
    }

    /** Calls stay open until {@link #complete} completes them. */
    public ScriptedCoreBanking deferred() {
        this.deferred = true;
        return this;
    }

    /** Completes the oldest open call with {@code reply}. */
    public void complete(CbsReply reply) {
        CompletableFuture<CbsReply> next;
        synchronized (this) {
            if (open.isEmpty()) {
                throw new IllegalStateException("no open CBS call");
            }
            next = open.remove(0);
        }
        next.complete(reply);
    }

    @Override
    public CompletionStage<CbsReply> call(String issuerIin, CbsCall call, Instant deadline) {
        synchronized (this) {
            calls.add(new Received(issuerIin, call, deadline));
            if (deferred) {
                CompletableFuture<CbsReply> pending = new CompletableFuture<>();
                open.add(pending);
                return pending;
            }
        }
        return CompletableFuture.completedFuture(script.reply(issuerIin, call, deadline));
    }

    public synchronized List<Received> calls() {
        return List.copyOf(calls);
    }

    /** The only call so far; fails if there were none or several. */
    public synchronized Received onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected exactly one CBS call, got " + calls.size());
        }
        return calls.get(0);
    }

    public synchronized int openCalls() {
        return open.size();
    }
}
