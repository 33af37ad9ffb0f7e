package io.obconsole.demo.wire;

import io.obconsole.demo.sql.Result;
import io.obconsole.demo.sql.SessionFactory;
import io.obconsole.demo.sql.SqlError;
import io.obconsole.demo.sql.SqlSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jboss.logging.Logger;

/** One client socket from greeting to goodbye, served by its own thread; owns exactly one {@link SqlSession}. */
final class ClientConnection implements Runnable {

    private static final Logger LOG = Logger.getLogger(ClientConnection.class);

    /** Like MySQL's connect_timeout: a client that connects and says nothing does not hold a thread forever. */
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    static final int ER_CON_COUNT_ERROR = 1040;
    static final int ER_HANDSHAKE_ERROR = 1043;
    static final int ER_ACCESS_DENIED_ERROR = 1045;
    static final int ER_UNKNOWN_COM_ERROR = 1047;
    static final int ER_NET_PACKET_TOO_LARGE = 1153;
    static final int OB_ERR_UNEXPECTED = 4016;

    private final MySqlServer server;
    private final Socket socket;
    private final long id;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean sessionClosed = new AtomicBoolean();

    private PacketIO io;
    private boolean deprecateEof;
    private SessionFactory.Account account;
    private SqlSession session;

    ClientConnection(MySqlServer server, Socket socket, long id) {
        this.server = server;
        this.socket = socket;
        this.id = id;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            io = new PacketIO(socket.getInputStream(), socket.getOutputStream());
            if (authenticate()) {
                socket.setSoTimeout(0);
                serveCommands();
            }
        } catch (PacketIO.PacketTooLargeException e) {
            sendQuietly(Responses.error(ER_NET_PACKET_TOO_LARGE, "08S01",
                    "Got a packet bigger than 'max_allowed_packet' bytes"));
        } catch (PayloadReader.MalformedPacketException e) {
            sendQuietly(Responses.error(ER_HANDSHAKE_ERROR, "08S01", "Bad handshake"));
        } catch (IOException e) {
            // The client went away or the connection was dropped on purpose: nothing to tell anyone.
            LOG.debugf("connection %d ended: %s", id, e.toString());
        } catch (RuntimeException e) {
            LOG.errorf(e, "connection %d failed", id);
        } finally {
            finish();
        }
    }

    /** Refuses a connection over the limit the way MySQL does: an ERR instead of the greeting. */
    void rejectTooMany() {
        try (socket) {
            io = new PacketIO(socket.getInputStream(), socket.getOutputStream());
            io.write(Responses.preHandshakeError(ER_CON_COUNT_ERROR, "Too many connections"));
            io.flush();
        } catch (IOException e) {
            LOG.debugf("could not refuse connection %d: %s", id, e.toString());
        }
    }

    /** Drops the connection from outside; the serving thread notices and cleans up. */
    void close() {
        closed.countDown();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debugf("closing connection %d: %s", id, e.toString());
        }
    }

    private boolean authenticate() throws IOException {
        byte[] scramble = Handshake.newScramble();
        int offered = server.capabilities();
        io.write(Handshake.greeting(server.serverVersion(), id, scramble, offered));
        io.flush();
        byte[] packet = io.read();
        if (packet == null) {
            return false;
        }
        if (Handshake.isSslRequest(packet)) {
            SSLContext tls = server.tls();
            if (tls == null || (offered & Capabilities.CLIENT_SSL) == 0) {
                // SSL was not offered; a client that insists cannot be served.
                send(Responses.error(ER_HANDSHAKE_ERROR, "08S01", "Bad handshake"));
                return false;
            }
            io = startTls(tls);
            packet = io.read();
            if (packet == null) {
                return false;
            }
        }
        Handshake.Response response = Handshake.parseResponse(packet);
        deprecateEof = (response.capabilities() & offered & Capabilities.CLIENT_DEPRECATE_EOF) != 0;
        byte[] auth = response.authResponse();
        boolean canSwitch = (response.capabilities() & Capabilities.CLIENT_PLUGIN_AUTH) != 0;
        if (canSwitch && response.authPlugin() != null
                && !Capabilities.NATIVE_PASSWORD.equals(response.authPlugin())) {
            io.write(Handshake.authSwitch(scramble));
            io.flush();
            auth = io.read();
            if (auth == null) {
                return false;
            }
        }
        String user = response.user();
        Optional<SessionFactory.Account> found = server.sessions().account(user);
        if (found.isEmpty() || !Handshake.verifyNativePassword(found.get().password(), scramble, auth)) {
            LOG.infof("access denied for %s from %s", user, clientAddress());
            send(Responses.error(ER_ACCESS_DENIED_ERROR, "28000", String.format(
                    "Access denied for user '%s'@'%s' (using password: %s)",
                    userPart(user), clientAddress(), auth.length > 0 ? "YES" : "NO")));
            return false;
        }
        account = found.get();
        try {
            session = server.sessions().open(account, response.schema());
        } catch (SqlError e) {
            send(Responses.error(e.code(), e.sqlState(), e.getMessage()));
            return false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "opening a session for %s failed", account);
            send(internalError());
            return false;
        }
        if (session == null) {
            LOG.errorf("session factory returned no session for %s", account);
            send(internalError());
            return false;
        }
        LOG.debugf("connection %d: %s signed in from %s", id, account, clientAddress());
        send(Responses.ok(0, ""));
        return true;
    }

    /** The rest of the conversation goes through TLS on the same socket; the packet numbering carries on. */
    private PacketIO startTls(SSLContext tls) throws IOException {
        byte[] alreadyRead = io.takeBuffered();
        SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                new ByteArrayInputStream(alreadyRead), true);
        secured.setUseClientMode(false);
        secured.startHandshake();
        return new PacketIO(secured.getInputStream(), secured.getOutputStream());
    }

    private void serveCommands() throws IOException {
        while (true) {
            io.resetSequence();
            byte[] packet = io.read();
            if (packet == null || packet.length == 0) {
                return;
            }
            int command = packet[0] & 0xFF;
            switch (command) {
                case Capabilities.COM_QUIT:
                    return;
                case Capabilities.COM_QUERY:
                    if (!query(text(packet))) {
                        return;
                    }
                    break;
                case Capabilities.COM_INIT_DB:
                    useSchema(text(packet));
                    break;
                case Capabilities.COM_PING:
                    send(Responses.ok(0, ""));
                    break;
                case Capabilities.COM_RESET_CONNECTION:
                    // Deliberately keeps the session (and any SET ENCRYPTION password): a console
                    // that trusts a reset to clear it must be caught by the demo, not helped.
                    send(Responses.ok(0, ""));
                    break;
                case Capabilities.COM_FIELD_LIST:
                    // Only the CLI's name completion asks; no column list is an acceptable answer.
                    send(Responses.terminator(deprecateEof));
                    break;
                case Capabilities.COM_SET_OPTION:
                    send(Responses.terminator(deprecateEof));
                    break;
                case Capabilities.COM_STATISTICS:
                    send(new Payload().eofString(server.statistics()));
                    break;
                case Capabilities.COM_STMT_CLOSE:
                case Capabilities.COM_STMT_SEND_LONG_DATA:
                    // These never get an answer; replying would desynchronise the client.
                    break;
                default:
                    LOG.debugf("connection %d: unsupported command 0x%02x", id, command);
                    send(Responses.error(ER_UNKNOWN_COM_ERROR, "08S01", "Unknown command"));
            }
        }
    }

    /** Runs one statement; false when the connection was closed while the answer was held back. */
    private boolean query(String sql) throws IOException {
        long received = System.nanoTime();
        server.statementReceived(account, sql);
        LOG.debugf("connection %d %s: %s", id, account, LogText.statement(sql));
        List<byte[]> answer;
        try {
            Result result = session.execute(sql);
            answer = encode(result);
        } catch (SqlError e) {
            answer = List.of(Responses.error(e.code(), e.sqlState(), e.getMessage()).toByteArray());
        } catch (RuntimeException e) {
            LOG.errorf(e, "connection %d %s: internal error running %s", id, account, LogText.statement(sql));
            answer = List.of(internalError().toByteArray());
        }
        // The statement has taken effect; only the answer is late, as with a slow cluster.
        long waitNanos = server.queryDelay().toNanos() - (System.nanoTime() - received);
        if (waitNanos > 0 && awaitClosed(waitNanos)) {
            return false;
        }
        for (byte[] p : answer) {
            io.write(p);
        }
        io.flush();
        return true;
    }

    /** Encodes fully before sending, so a value that cannot be rendered becomes an ERR, not half a result set. */
    private List<byte[]> encode(Result result) {
        if (result instanceof Result.Update u) {
            return List.of(Responses.ok(u.affectedRows(), u.info()).toByteArray());
        }
        if (result instanceof Result.Rows rows) {
            return ResultSetEncoder.encode(rows, deprecateEof);
        }
        throw new IllegalStateException("the session answered " + result);
    }

    private void useSchema(String schema) throws IOException {
        try {
            session.useSchema(schema);
            send(Responses.ok(0, ""));
        } catch (SqlError e) {
            send(Responses.error(e.code(), e.sqlState(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "connection %d %s: internal error changing schema", id, account);
            send(internalError());
        }
    }

    private boolean awaitClosed(long nanos) {
        try {
            return closed.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void send(Payload payload) throws IOException {
        io.write(payload);
        io.flush();
    }

    private void sendQuietly(Payload payload) {
        try {
            if (io != null && !socket.isClosed()) {
                send(payload);
            }
        } catch (IOException e) {
            LOG.debugf("connection %d: could not send the final error: %s", id, e.toString());
        }
    }

    private void finish() {
        closed.countDown();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debugf("closing connection %d: %s", id, e.toString());
        }
        if (session != null && sessionClosed.compareAndSet(false, true)) {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.errorf(e, "closing the session of connection %d failed", id);
            }
        }
        server.connectionEnded(this);
        LOG.debugf("connection %d closed", id);
    }

    private static Payload internalError() {
        return Responses.error(OB_ERR_UNEXPECTED, "HY000", "Internal error");
    }

    private static String text(byte[] packet) {
        return new String(packet, 1, packet.length - 1, StandardCharsets.UTF_8);
    }

    private String clientAddress() {
        return socket.getInetAddress() == null ? "unknown" : socket.getInetAddress().getHostAddress();
    }

    /** MySQL names the user without the tenant and cluster that OceanBase adds to the login name. */
    static String userPart(String loginName) {
        int at = loginName.indexOf('@');
        return at < 0 ? loginName : loginName.substring(0, at);
    }
}
