package org.openscis.server.cbs;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openscis.connector.sim.CbsSimulator;
import org.openscis.server.cli.RunningSimulator;
import org.openscis.server.keys.CbsSimulatorKeys;

/** A simulator {@link StandaloneSimulatorLauncher} started, with the settings a switch links to it with. */
final class StandaloneSimulator implements RunningSimulator {

    private final CbsSimulator sim;
    private final CbsSimulatorKeys keys;
    private final Path dataDir;
    private final String iin;
    private final String host;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    StandaloneSimulator(CbsSimulator sim, CbsSimulatorKeys keys, Path dataDir, String iin, String host) {
        this.sim = sim;
        this.keys = keys;
        this.dataDir = dataDir;
        this.iin = iin;
        this.host = host;
    }

    /** The running simulator: its ledger, fault plan and withdrawals. */
    CbsSimulator simulator() {
        return sim;
    }

    /** Where a switch on this machine reaches it: a wildcard listen address is reached over loopback. */
    @Override
    public String baseUrl() {
        String h = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return "http://" + h + ":" + sim.port();
    }

    @Override
    public String signingKid() {
        return keys.signingKid();
    }

    @Override
    public Path signingPublicKeyFile() {
        return CbsSimulatorKeys.publicFile(CbsSimulatorKeys.signingKeyFile(dataDir, iin)).toAbsolutePath();
    }

    @Override
    public String encryptionKid() {
        return keys.encryptionKid();
    }

    @Override
    public Path encryptionPublicKeyFile() {
        return CbsSimulatorKeys.publicFile(CbsSimulatorKeys.encryptionKeyFile(dataDir, iin)).toAbsolutePath();
    }

    @Override
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sim.close();
            } finally {
                stopped.countDown();
            }
        }
    }

    @Override
    public String toString() {
        return "StandaloneSimulator[" + iin + " " + baseUrl() + "]";
    }
}
