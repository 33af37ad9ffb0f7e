package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.fleet.TenantsChanged;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.impl.ContextInternal;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the progress socket relies on in Vert.x and Quarkus beyond their public API, all of it in
 * {@link VertxAdapter}: an upgrade reads its person in a request scope that ends with the reading
 * and leaves nothing in the context the socket keeps for life; and one encoded message is written
 * to every socket of an audience as a view of the same bytes. An upgrade that changes either fails here.
 */
@QuarkusTest
class VertxAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Vertx vertx;

    @Inject
    ScopeProbe probe;

    @Inject
    ProgressHub hub;

    @Inject
    Permissions permissions;

    /** What one socket's reading of its person saw. */
    private record Seen(String probe, boolean socketsLocalVisible, Context context) {
    }

    @Test
    void eachSocketReadsItsPersonInARequestScopeOfItsOwnThatEndsWithTheReadingAndLeavesNothingInItsContext()
            throws Exception {
        Context socketContext = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        List<Seen> seen = onContext(socketContext, () -> {
            ContextLocals.put("socket", "its own");
            Set<Object> before = Set.copyOf(locals(socketContext));
            Seen first = VertxAdapter.inRequestScopeOfItsOwn(this::seen);
            Seen second = VertxAdapter.inRequestScopeOfItsOwn(this::seen);
            assertThat(Vertx.currentContext()).as("the socket's context is current again").isSameAs(socketContext);
            assertThat(Arc.container().requestContext().isActive()).as("no request scope stays active").isFalse();
            assertThat(locals(socketContext)).as("what the socket's context holds for life").isEqualTo(before);
            return List.of(first, second);
        });

        assertThat(seen.get(0).probe()).as("two sockets, two request scopes").isNotEqualTo(seen.get(1).probe());
        assertThat(ScopeProbe.ENDED).as("each scope ended when its reading returned").contains(seen.get(0).probe(),
                seen.get(1).probe());
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.context()).isNotSameAs(socketContext);
            assertThat(VertxContext.isDuplicatedContext(s.context())).isTrue();
            assertThat(s.socketsLocalVisible()).as("a fresh context: none of the socket's local data").isFalse();
        });
        assertThat(seen.get(0).context()).isNotSameAs(seen.get(1).context());
    }

    @Test
    void aRequestScopeTheUpgradeAlreadyHadIsNeitherSeenNorEndedByTheReading() throws Exception {
        Context upgradeContext = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        List<String> probes = onContext(upgradeContext, () -> {
            // the sign-in may have begun the upgrade request's scope before the socket reads its person
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                String upgrade = probe.id();
                String reading = VertxAdapter.inRequestScopeOfItsOwn(this::seen).probe();
                assertThat(requestContext.isActive()).as("the upgrade's scope is still active").isTrue();
                return List.of(upgrade, reading, probe.id());
            } finally {
                requestContext.terminate();
            }
        });

        assertThat(probes.get(1)).isNotEqualTo(probes.get(0));
        assertThat(probes.get(2)).as("the upgrade's scope kept its own bean").isEqualTo(probes.get(0));
        assertThat(ScopeProbe.ENDED).contains(probes.get(0), probes.get(1));
    }

    @Test
    void everySocketOfAnAudienceIsHandedTheSameEncodedMessage() {
        Operator reader = new Operator("adapter-" + UUID.randomUUID(), "adapter", Set.of("backup-viewer"),
                List.of("demo/*"), "127.0.0.1");
        String tenant = "probe_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, List<Frame>> received = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = "adapter-test-" + UUID.randomUUID();
            List<Frame> frames = new CopyOnWriteArrayList<>();
            received.put(id, frames);
            ids.add(id);
            hub.join(id, reader, permissions, new Recording(frames), Watch.ALL);
        }
        try {
            hub.tenantsChanged(new TenantsChanged("demo", Set.of(tenant)));

            List<Frame> told = ids.stream().map(id -> received.get(id).stream()
                    .filter(f -> new String(f.utf8(), StandardCharsets.UTF_8).contains(tenant)).findFirst().orElseThrow())
                    .toList();
            assertThat(new String(told.get(0).utf8(), StandardCharsets.UTF_8)).contains("\"type\":\"changed\"");
            assertThat(told).as("one encoding for the audience").allSatisfy(f -> assertThat(f).isSameAs(told.get(0)));
            assertThat(told.stream().map(f -> ((WebSocketFrameImpl) VertxAdapter.textFrame(f)).getBinaryData().array()))
                    .as("each socket's frame views the encoded bytes, not a copy")
                    .allSatisfy(bytes -> assertThat(bytes).isSameAs(told.get(0).utf8()));
        } finally {
            ids.forEach(hub::leave);
        }
    }

    @Test
    void oneEncodedMessageReachesEverySocketWholeAndStaysIntactForTheNextWrite() throws Exception {
        List<Outlet> outlets = new CopyOnWriteArrayList<>();
        HttpServer server = vertx.createHttpServer()
                // upgraded as ProgressSocket upgrades: from the request, the outlet made in the upgrade's callback
                .requestHandler(request -> request.toWebSocket()
                        .onSuccess(socket -> outlets.add(VertxAdapter.outlet(socket, Vertx.currentContext()))))
                .listen(0).toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        WebSocketClient client = vertx.createWebSocketClient();
        List<List<String>> heard = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                List<String> texts = new CopyOnWriteArrayList<>();
                heard.add(texts);
                WebSocket socket = client.connect(server.actualPort(), "localhost", "/ws/progress").toCompletionStage()
                        .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                socket.textMessageHandler(texts::add);
            }
            await().atMost(WAIT).until(() -> outlets.size() == 3);
            String json = "{\"type\":\"changed\",\"cluster\":\"démo\",\"tenants\":[\"mysql_tenant\"]}";
            Frame frame = Frame.text(json);
            byte[] encoded = frame.utf8().clone();

            for (int round = 1; round <= 2; round++) {
                outlets.forEach(outlet -> outlet.executor().execute(() -> outlet.send(frame, () -> { })));
                int expected = round;
                await().atMost(WAIT).until(() -> heard.stream().allMatch(texts -> texts.size() == expected));
            }

            assertThat(heard).allSatisfy(texts -> assertThat(texts).containsExactly(json, json));
            assertThat(frame.utf8()).as("the writes neither freed nor changed the shared bytes").isEqualTo(encoded);
        } finally {
            client.close();
            server.close();
        }
    }

    private Seen seen() {
        return new Seen(probe.id(), ContextLocals.get("socket").isPresent(), Vertx.currentContext());
    }

    private static Set<Object> locals(Context context) {
        return ((ContextInternal) context).localContextData().keySet();
    }

    private static <T> T onContext(Context context, Supplier<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                done.complete(work.get());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A socket as the hub sees it, keeping what it is handed; it writes on the hub's thread. */
    private record Recording(List<Frame> frames) implements Outlet {

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public void send(Frame frame, Runnable done) {
            frames.add(frame);
            done.run();
        }

        @Override
        public void close() {
        }
    }
}
