package org.tongpos.hardware.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP endpoint on a free loopback port standing in for a printer's port 9100: captures every byte and answers
 * DLE EOT n the way a printer does, or misbehaves on purpose (silent, closing mid-job, paper out).
 */
public final class FakeNetworkPrinter implements AutoCloseable {

    public enum Behaviour { NORMAL, SILENT, CLOSE_AFTER_BYTES, PAPER_OUT, PAPER_NEAR_END, NO_STATUS, CLOSE_AFTER_JOB }

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile int closeAfterBytes;
    private volatile int accepted;

    public FakeNetworkPrinter() throws IOException {
        this(0);
    }

    /** On a given port, e.g. to bring a printer "back" where it was. */
    public FakeNetworkPrinter(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.setReceiveBufferSize(4096);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        Thread acceptor = new Thread(this::acceptLoop, "fake-printer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String address() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void behave(Behaviour newBehaviour) {
        behaviour = newBehaviour;
    }

    public void closeAfter(int bytes) {
        closeAfterBytes = bytes;
        behaviour = Behaviour.CLOSE_AFTER_BYTES;
    }

    public int connectionsAccepted() {
        return accepted;
    }

    /** Everything received except the real-time status requests. */
    public synchronized byte[] jobBytes() {
        byte[] all = received.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0x10 && i + 2 < all.length && all[i + 1] == 0x04) {
                i += 2;
                continue;
            }
            out.write(all[i]);
        }
        return out.toByteArray();
    }

    public synchronized int receivedCount() {
        return received.size();
    }

    public synchronized void clear() {
        received.reset();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted++;
                connections.add(socket);
                Thread t = new Thread(() -> serve(socket), "fake-printer-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            if (behaviour == Behaviour.SILENT) {
                Thread.sleep(60_000);
                return;
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            List<Integer> window = new ArrayList<>();
            int total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (this) {
                    received.write(buffer, 0, n);
                }
                total += n;
                if (behaviour == Behaviour.CLOSE_AFTER_BYTES && total >= closeAfterBytes) {
                    socket.setSoLinger(true, 0);
                    return;
                }
                for (int i = 0; i < n; i++) {
                    window.add(buffer[i] & 0xFF);
                    if (window.size() > 3) {
                        window.remove(0);
                    }
                    if (window.size() == 3 && window.get(0) == 0x10 && window.get(1) == 0x04) {
                        answer(out, window.get(2));
                        window.clear();
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // connection ends
        }
    }

    private void answer(OutputStream out, int function) throws IOException {
        if (behaviour == Behaviour.NO_STATUS) {
            return;
        }
        if (behaviour == Behaviour.CLOSE_AFTER_JOB && jobBytes().length > 0) {
            throw new IOException("closing after the job, as some printers do");
        }
        int answer = 0x12;
        if (behaviour == Behaviour.PAPER_NEAR_END && function == 4) {
            answer = 0x12 | 0x0C;
        }
        if (behaviour == Behaviour.PAPER_OUT) {
            answer = switch (function) {
                case 1 -> 0x12 | 0x08;
                case 2 -> 0x12 | 0x20;
                case 4 -> 0x12 | 0x60;
                default -> 0x12;
            };
        }
        out.write(answer);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
