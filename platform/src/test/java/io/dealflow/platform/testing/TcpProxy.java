package io.dealflow.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP hop between a service and its peer that a test can cut: while {@link #cut()} is in force, connections
 * are refused (reset), as when the peer is down; {@link #restore()} lets them through again. {@link #loseAnswers}
 * lets requests through but drops the peer's answers, as when a connection breaks after the peer did the work.
 * Fault injection on the network, not a stand-in for the peer.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final AtomicInteger answersLost = new AtomicInteger();

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a proxy port", e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
    }

    public void restore() {
        cut = false;
        answersToLose.set(0);
    }

    /**
     * The next {@code count} answers of the peer are dropped, with their connections: the request reached the peer
     * and was processed, the caller sees the connection break before any byte of the answer.
     */
    public void loseAnswers(int count) {
        answersToLose.set(count);
    }

    /** How many answers were dropped so far. */
    public int answersLost() {
        return answersLost.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.setSoLinger(true, 0);
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                // listener closed, or the peer refused: the client sees its connection end
            }
        }
    }

    /** @param answers whether this direction carries the peer's answers, which {@link #loseAnswers} may drop */
    private void pump(Socket from, Socket to, boolean answers) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (answers && answersToLose.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        answersLost.incrementAndGet();
                        return; // the finally block breaks both connections
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
