package cn.hanzhong.rectification.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the application and its PostgreSQL server, for tests that take the database
 * away: {@link #cut()} drops every open connection and refuses new ones (as a stopped or unreachable
 * server would: "Connection refused", I/O errors mid-statement); {@link #restore()} accepts again on
 * the same port. Use with {@link InjectDatabaseLink}.
 */
public final class DatabaseLink implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    public DatabaseLink(int targetPort) {
        this.targetPort = targetPort;
        try {
            ServerSocket s = bind(0);
            this.port = s.getLocalPort();
            accept(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the application connects to. */
    public int port() {
        return port;
    }

    public synchronized boolean isCut() {
        return server == null;
    }

    /** Closes every connection and stops accepting: the database is away. */
    public synchronized void cut() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            closeQuietly(s);
        }
        open.forEach(DatabaseLink::closeQuietly);
        open.clear();
    }

    /** Accepts connections again. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            accept(bind(port));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + port + " again", e);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void accept(ServerSocket s) {
        server = s;
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    // closed by cut(), or the server refused: the client sees its connection end
                }
            }
        }, "db-link-accept-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "db-link-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
