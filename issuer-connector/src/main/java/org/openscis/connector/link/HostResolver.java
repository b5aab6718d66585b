package org.openscis.connector.link;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Host name lookup off the event loop: the JDK resolver blocks, and Netty's default resolver would run it on the
 * loop. IP literals need no lookup. The JDK caches answers (networkaddress.cache.ttl); lookups happen only when a
 * connection is opened.
 */
final class HostResolver {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadFactory FACTORY = r -> {
        Thread t = new Thread(r, "openscis-link-dns-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    };
    /** Threads come and go with demand; connects are bounded per link, so lookups are too. */
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(FACTORY);

    private HostResolver() {}

    static CompletableFuture<InetAddress> resolve(String host) {
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(host);
        if (literal != null) {
            return CompletableFuture.completedFuture(literal);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }, LOOKUPS);
    }
}
