package io.obconsole.demo.wire;

import io.obconsole.demo.sql.SessionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.jboss.logging.Logger;

/**
 * The demo cluster's MySQL endpoint: speaks the wire protocol to real clients (mysql-connector-j,
 * the mariadb CLI) and hands every statement to a {@link SessionFactory}'s sessions. Also injects
 * the faults the console must survive: dropped links, a refusing port, slow answers.
 */
public final class MySqlServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MySqlServer.class);

    /** How long {@link #close()} waits for connection threads to close their sessions. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    /**
     * Where and how to listen. A null or blank host means the loopback address (the demo's
     * cluster has a well-known root password); port 0 picks a free port. maxConnections below 1
     * means no limit.
     */
    public record Options(String host, int port, String serverVersion, int maxConnections) {
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            Objects.requireNonNull(serverVersion, "serverVersion");
        }
    }

    /** Told about each COM_QUERY text as received, before it runs (tests, the demo's statement log). */
    public interface StatementListener {
        void received(SessionFactory.Account account, String sql);
    }

    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final SessionFactory sessions;
    private final Options options;
    private final ExecutorService workers;
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicLong questions = new AtomicLong();
    private final long startedAt = System.nanoTime();
    private volatile Duration queryDelay = Duration.ZERO;
    private volatile int capabilities = Capabilities.SERVER_DEFAULT;
    private volatile SSLContext tls;

    // Guarded by this: the listening socket's life cycle.
    private ServerSocket listener;
    private Thread acceptor;
    private int boundPort = -1;
    private boolean refusing;
    private boolean closed;

    public MySqlServer(SessionFactory sessions, Options options) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.options = Objects.requireNonNull(options, "options");
        int serverNo = SERVERS.incrementAndGet();
        AtomicInteger threadNo = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demo-mysql-" + serverNo + "-conn-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds and starts accepting; with port 0 the chosen port is {@link #port()}. */
    public synchronized void start() throws IOException {
        if (closed) {
            throw new IllegalStateException("server closed");
        }
        if (boundPort >= 0) {
            throw new IllegalStateException("already started on port " + boundPort);
        }
        listen(options.port());
        LOG.infof("demo MySQL server listening on %s:%d (%s)", address().getHostAddress(), boundPort,
                options.serverVersion());
    }

    /** The bound port, or -1 before {@link #start()}. Stays the same across refuse/accept cycles. */
    public synchronized int port() {
        return boundPort;
    }

    /** Stops listening, closes every connection (each session is closed once) and waits briefly for that. */
    @Override
    public void close() {
        List<ClientConnection> open;
        Thread stoppedAcceptor;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stoppedAcceptor = stopListening();
            open = new ArrayList<>(connections);
        }
        awaitExit(stoppedAcceptor);
        open.forEach(ClientConnection::close);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("demo MySQL server closed with connection threads still busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debugf("demo MySQL server on port %d closed", boundPort);
    }

    /** Closes every open client socket now; clients see a communications link failure on next use. */
    public void dropAllConnections() {
        List<ClientConnection> open = new ArrayList<>(connections);
        LOG.infof("dropping %d connection(s)", open.size());
        open.forEach(ClientConnection::close);
    }

    /**
     * true: stop listening, so new connects get ECONNREFUSED as from a cluster that is down
     * (open connections stay; combine with {@link #dropAllConnections()} for a crash).
     * false: listen again on the same port.
     */
    public void refuseConnections(boolean refuse) {
        Thread stoppedAcceptor;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("server closed");
            }
            if (boundPort < 0) {
                throw new IllegalStateException("server not started");
            }
            if (refuse == refusing) {
                return;
            }
            refusing = refuse;
            if (!refuse) {
                try {
                    listen(boundPort);
                } catch (IOException e) {
                    refusing = true;
                    throw new UncheckedIOException("cannot listen on port " + boundPort + " again", e);
                }
                LOG.infof("port %d accepts connections again", boundPort);
                return;
            }
            stoppedAcceptor = stopListening();
        }
        awaitExit(stoppedAcceptor);
        LOG.infof("port %d now refuses connections", boundPort);
    }

    /** Every COM_QUERY is answered only after this long (counted from its arrival); zero for none. */
    public void setQueryDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        this.queryDelay = delay;
    }

    public void addStatementListener(StatementListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    /** Authenticated or authenticating connections (refused over-the-limit ones are not counted). */
    public int openConnections() {
        return connections.size();
    }

    /**
     * Offers TLS in the greeting (CLIENT_SSL) and serves clients that ask for it with this
     * context; null stops offering it (new connections only). Clients that do not ask stay plain.
     */
    public void offerTls(SSLContext context) {
        tls = context;
    }

    /** Whether the greeting offers TLS. */
    public boolean offersTls() {
        return tls != null;
    }

    /** For tests: offer (or not) CLIENT_DEPRECATE_EOF, to exercise the classic EOF packets with any client. */
    void offerDeprecateEof(boolean offer) {
        capabilities = offer ? Capabilities.SERVER_DEFAULT
                : Capabilities.SERVER_DEFAULT & ~Capabilities.CLIENT_DEPRECATE_EOF;
    }

    // ---- used by ClientConnection

    SessionFactory sessions() {
        return sessions;
    }

    String serverVersion() {
        return options.serverVersion();
    }

    int capabilities() {
        return tls == null ? capabilities : capabilities | Capabilities.CLIENT_SSL;
    }

    SSLContext tls() {
        return tls;
    }

    Duration queryDelay() {
        return queryDelay;
    }

    void statementReceived(SessionFactory.Account account, String sql) {
        questions.incrementAndGet();
        for (StatementListener l : listeners) {
            try {
                l.received(account, sql);
            } catch (RuntimeException e) {
                LOG.errorf(e, "statement listener %s failed", l);
            }
        }
    }

    void connectionEnded(ClientConnection c) {
        connections.remove(c);
    }

    String statistics() {
        long uptime = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
        return String.format("Uptime: %d  Threads: %d  Questions: %d  Slow queries: 0  Opens: 0  "
                + "Flush tables: 0  Open tables: 0  Queries per second avg: %.3f",
                uptime, connections.size(), questions.get(),
                uptime == 0 ? 0.0 : (double) questions.get() / uptime);
    }

    // ---- listening

    private InetAddress address() throws IOException {
        String host = options.host();
        return host == null || host.isBlank() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
    }

    /** Called with the lock held. */
    private void listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            // The port must be reusable at once after refuseConnections(true) / (false).
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address(), port), 128);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        listener = socket;
        boundPort = socket.getLocalPort();
        acceptor = new Thread(() -> acceptLoop(socket), "demo-mysql-acceptor-" + boundPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Called with the lock held; returns the acceptor thread to wait for (outside the lock). */
    private Thread stopListening() {
        Thread stopped = acceptor;
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                LOG.debugf("closing the listening socket: %s", e.toString());
            }
            listener = null;
            acceptor = null;
        }
        return stopped;
    }

    /**
     * The kernel keeps a listening socket alive while a thread is still inside accept(), and may
     * even hand it one more connection; only once the acceptor is gone do connects get ECONNREFUSED.
     */
    private static void awaitExit(Thread acceptorThread) {
        if (acceptorThread == null || acceptorThread == Thread.currentThread()) {
            return;
        }
        try {
            acceptorThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warnf("accept failed on port %d: %s", socket.getLocalPort(), e.toString());
                    pauseAfterAcceptFailure();
                }
                continue;
            }
            dispatch(socket, client);
        }
    }

    private void dispatch(ServerSocket from, Socket client) {
        ClientConnection connection = new ClientConnection(this, client, connectionIds.incrementAndGet());
        boolean admitted;
        synchronized (this) {
            if (closed || from != listener) {
                // Slipped in while the port was being closed: the cluster is down for this client.
                closeQuietly(client);
                return;
            }
            admitted = options.maxConnections() < 1 || connections.size() < options.maxConnections();
            if (admitted) {
                connections.add(connection);
            }
        }
        try {
            if (admitted) {
                workers.execute(connection);
            } else {
                LOG.warnf("too many connections (%d), refusing %s", options.maxConnections(),
                        client.getRemoteSocketAddress());
                workers.execute(connection::rejectTooMany);
            }
        } catch (RejectedExecutionException e) {
            connections.remove(connection);
            closeQuietly(client);
        }
    }

    /** Out of file descriptors and the like: do not spin while it lasts. */
    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}
