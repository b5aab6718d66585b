package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer of {@link AppGatewayClient} over loopback sockets against {@link FakeSwitch}. */
class ClientTransportIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private FakeSwitch server;
    private final List<AppGatewayClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = FakeSwitch.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(AppGatewayClient::close);
        server.close();
    }

    private AppGatewayClient client(ClientOptions.Builder options) {
        AppGatewayClient c = new AppGatewayClient(options.build(), TestKeys.client());
        clients.add(c);
        return c;
    }

    private ClientOptions.Builder options() {
        return ClientOptions.builder(server.url()).requestTimeout(Duration.ofSeconds(5)).ioThreads(1);
    }

    private static Throwable failureOf(CompletableFuture<?> f) {
        try {
            f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sequentialRequestsReuseOneKeepAliveConnection() throws Exception {
        AppGatewayClient client = client(options());
        for (int i = 0; i < 5; i++) {
            ClientResponse r = client.send("/scis/switch/cvminquiry", BODY, Map.of()).get(10, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(server.connectionsAccepted()).isEqualTo(1);
        assertThat(client.connectionsOpened()).isEqualTo(1);
        assertThat(client.idleConnections()).isEqualTo(1);
        assertThat(server.requests()).hasSize(5).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/scis/switch/cvminquiry");
            assertThat(r.header("Content-Type")).isEqualTo(AppGatewayClient.CONTENT_TYPE_JSON);
            assertThat(r.header("Host")).isEqualTo("127.0.0.1:" + server.port());
        });
    }

    @Test
    void concurrentRequestsNeverOpenMoreThanTheLimit() throws Exception {
        AppGatewayClient client = client(options().maxConnections(2));
        List<CompletableFuture<ClientResponse>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(client.send("/p" + i, BODY, Map.of()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(all).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(200));
        assertThat(server.connectionsAccepted()).isBetween(1, 2);
        assertThat(client.openConnections()).isBetween(1, 2);
        assertThat(server.requests()).hasSize(40);
    }

    @Test
    void aFullClientFailsFastWithoutAQueue() throws Exception {
        CompletableFuture<FakeSwitch.Answer> release = new CompletableFuture<>();
        server.respond(r -> new FakeSwitch.Answer.Later(release));
        AppGatewayClient client = client(options().maxConnections(1).maxQueuedRequests(0));
        CompletableFuture<ClientResponse> first = client.send("/a", BODY, Map.of());
        await().atMost(WAIT).until(() -> server.requests().size() == 1);

        Throwable busy = failureOf(client.send("/b", BODY, Map.of()));

        assertThat(busy).isInstanceOf(ClientBusyException.class).hasMessageContaining("1 connections are busy");
        release.complete(FakeSwitch.Answer.ok(new byte[0]));
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void queuedRequestsWaitForTheConnectionAndReuseIt() throws Exception {
        CompletableFuture<FakeSwitch.Answer> release = new CompletableFuture<>();
        server.respond(r -> r.path().equals("/a") ? new FakeSwitch.Answer.Later(release)
                : FakeSwitch.Answer.ok(new byte[0]));
        AppGatewayClient client = client(options().maxConnections(1).maxQueuedRequests(2));
        CompletableFuture<ClientResponse> first = client.send("/a", BODY, Map.of());
        await().atMost(WAIT).until(() -> server.requests().size() == 1);
        CompletableFuture<ClientResponse> second = client.send("/b", BODY, Map.of());
        CompletableFuture<ClientResponse> third = client.send("/c", BODY, Map.of());
        assertThat(client.queuedRequests()).isEqualTo(2);
        assertThat(failureOf(client.send("/d", BODY, Map.of()))).isInstanceOf(ClientBusyException.class);

        release.complete(FakeSwitch.Answer.ok(new byte[0]));

        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(third.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(server.requests()).extracting(FakeSwitch.Received::path).containsExactly("/a", "/b", "/c");
        assertThat(server.connectionsAccepted()).isEqualTo(1);
        assertThat(client.queuedRequests()).isZero();
    }

    @Test
    void aRequestWithoutAnswerTimesOutAndItsConnectionIsClosed() {
        server.respond(r -> new FakeSwitch.Answer.Silent());
        AppGatewayClient client = client(options().requestTimeout(Duration.ofMillis(300)));

        Throwable failure = failureOf(client.send("/slow", BODY, Map.of()));

        assertThat(failure).isInstanceOf(TimeoutException.class).hasMessageContaining("POST /slow");
        await().atMost(WAIT).until(() -> client.openConnections() == 0 && server.activeConnections() == 0);
        assertThat(client.idleConnections()).isZero();
    }

    @Test
    void aTimedOutConnectionIsNotReusedForTheNextRequest() throws Exception {
        server.respond(r -> r.path().equals("/slow") ? new FakeSwitch.Answer.Silent()
                : FakeSwitch.Answer.ok(new byte[0]));
        AppGatewayClient client = client(options().requestTimeout(Duration.ofMillis(300)).maxConnections(1));

        assertThat(failureOf(client.send("/slow", BODY, Map.of()))).isInstanceOf(TimeoutException.class);
        ClientResponse next = client.send("/fast", BODY, Map.of()).get(10, TimeUnit.SECONDS);

        assertThat(next.status()).isEqualTo(200);
        assertThat(server.connectionsAccepted()).isEqualTo(2);
        await().atMost(WAIT).until(() -> server.activeConnections() == 1);
    }

    @Test
    void aQueuedRequestTimesOutAndLeavesTheQueue() throws Exception {
        CompletableFuture<FakeSwitch.Answer> release = new CompletableFuture<>();
        server.respond(r -> r.path().equals("/a") ? new FakeSwitch.Answer.Later(release)
                : FakeSwitch.Answer.ok(new byte[0]));
        AppGatewayClient client = client(options().maxConnections(1));
        CompletableFuture<ClientResponse> first = client.send("/a", BODY, Map.of());
        await().atMost(WAIT).until(() -> server.requests().size() == 1);

        CompletableFuture<ClientResponse> queued = client.send("/b", BODY, Map.of(), Duration.ofMillis(300));

        assertThat(failureOf(queued)).isInstanceOf(TimeoutException.class).hasMessageContaining("PT0.3S");
        assertThat(client.queuedRequests()).isZero();
        release.complete(FakeSwitch.Answer.ok(new byte[0]));
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(server.requests()).extracting(FakeSwitch.Received::path).containsExactly("/a");
        assertThat(client.idleConnections()).isEqualTo(1);
    }

    @Test
    void connectionRefusedFailsTheRequest() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        AppGatewayClient client = client(ClientOptions.builder("http://127.0.0.1:" + closedPort).ioThreads(1));

        Throwable failure = failureOf(client.send("/x", BODY, Map.of()));

        assertThat(failure).isInstanceOf(ConnectException.class);
        assertThat(client.openConnections()).isZero();
    }

    @Test
    void queuedRequestsFailToo_whenTheServerIsDown() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        AppGatewayClient client = client(ClientOptions.builder("http://127.0.0.1:" + closedPort).ioThreads(1)
                .maxConnections(1));
        List<CompletableFuture<ClientResponse>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(client.send("/x", BODY, Map.of()));
        }
        assertThat(all).allSatisfy(f -> assertThat(failureOf(f)).isInstanceOf(ConnectException.class));
        assertThat(client.openConnections()).isZero();
        assertThat(client.queuedRequests()).isZero();
    }

    @Test
    void anOversizedResponseFailsAndClosesTheConnection() {
        server.respond(r -> FakeSwitch.Answer.ok(new byte[4096]));
        AppGatewayClient client = client(options().maxResponseBytes(1024));

        Throwable failure = failureOf(client.send("/big", BODY, Map.of()));

        assertThat(failure).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("1024 bytes");
        await().atMost(WAIT).until(() -> client.openConnections() == 0 && server.activeConnections() == 0);
    }

    @Test
    void aResponseWithConnectionCloseIsNotReused() throws Exception {
        server.respond(r -> new FakeSwitch.Answer.Full(200, Map.of(), new byte[0], true));
        AppGatewayClient client = client(options());

        client.send("/a", BODY, Map.of()).get(10, TimeUnit.SECONDS);
        client.send("/b", BODY, Map.of()).get(10, TimeUnit.SECONDS);

        assertThat(server.connectionsAccepted()).isEqualTo(2);
        await().atMost(WAIT).until(() -> client.openConnections() == 0);
    }

    @Test
    void aConnectionClosedWithoutAnswerFailsTheRequest() {
        server.respond(r -> new FakeSwitch.Answer.Close());
        AppGatewayClient client = client(options());

        Throwable failure = failureOf(client.send("/a", BODY, Map.of()));

        assertThat(failure).isInstanceOf(ConnectionClosedException.class);
        await().atMost(WAIT).until(() -> client.openConnections() == 0);
    }

    @Test
    void anIdleConnectionClosedByTheServerIsReplaced() throws Exception {
        AppGatewayClient client = client(options());
        client.send("/a", BODY, Map.of()).get(10, TimeUnit.SECONDS);
        server.respond(r -> new FakeSwitch.Answer.Close());
        assertThat(failureOf(client.send("/b", BODY, Map.of()))).isInstanceOf(ConnectionClosedException.class);
        server.respond(r -> FakeSwitch.Answer.ok(new byte[0]));
        await().atMost(WAIT).until(() -> client.openConnections() == 0);

        assertThat(client.send("/c", BODY, Map.of()).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void closingTheClientFailsWaitingAndLaterRequests() {
        server.respond(r -> new FakeSwitch.Answer.Silent());
        AppGatewayClient client = client(options().maxConnections(1));
        CompletableFuture<ClientResponse> inFlight = client.send("/a", BODY, Map.of());
        await().atMost(WAIT).until(() -> server.requests().size() == 1);
        CompletableFuture<ClientResponse> queued = client.send("/b", BODY, Map.of());

        client.close();

        assertThat(failureOf(inFlight)).isInstanceOf(ConnectionClosedException.class);
        assertThat(failureOf(queued)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(failureOf(client.send("/c", BODY, Map.of()))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void headersAndPathPrefixAreSentAsGiven() throws Exception {
        AppGatewayClient client = client(ClientOptions.builder(server.url() + "/gw/").ioThreads(1));

        client.send("/scis/switch/cvminquiry", BODY, Map.of("X-Trace", "t1", "content-type", "text/plain"))
                .get(10, TimeUnit.SECONDS);

        FakeSwitch.Received r = server.requests().get(0);
        assertThat(r.path()).isEqualTo("/gw/scis/switch/cvminquiry");
        assertThat(r.header("X-Trace")).isEqualTo("t1");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
        assertThat(r.header("Content-Length")).isEqualTo("2");
        assertThat(r.body()).isEqualTo(BODY);
    }
}
