package org.tongpos.app.devices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;

/**
 * A network receipt printer for tests: a TCP listener on a free loopback port (standing in for port 9100) that
 * answers the real-time status requests ({@code DLE EOT n}) as a ready printer does and keeps every other byte, so a
 * test can decode what "printed" with the hardware module's {@link EscPosDecoder}.
 */
public final class PrinterEndpoint implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream job = new ByteArrayOutputStream();

    public PrinterEndpoint() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "printer-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String address() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Everything received but the status requests, decoded. */
    public synchronized List<EscPosElement> decoded() {
        return EscPosDecoder.decode(job.toByteArray());
    }

    public synchronized byte[] bytes() {
        return job.toByteArray();
    }

    public synchronized String text() {
        return String.join("\n", EscPosDecoder.textLines(job.toByteArray()));
    }

    /** Waits until something matching arrived, at most {@code millis}. */
    public boolean awaitElement(Class<? extends EscPosElement> type, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            synchronized (this) {
                if (job.size() > 0) {
                    try {
                        if (decoded().stream().anyMatch(type::isInstance)) {
                            return true;
                        }
                    } catch (RuntimeException partialJob) {
                        // still arriving
                    }
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread serving = new Thread(() -> serve(socket), "printer-endpoint-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            int previous = -1;
            int beforePrevious = -1;
            int b;
            while ((b = in.read()) >= 0) {
                if (previous == 0x04 && beforePrevious == 0x10 && b >= 1 && b <= 4) {
                    synchronized (this) {
                        // the DLE EOT already kept: take it back, it is a question, not printing
                        byte[] kept = job.toByteArray();
                        job.reset();
                        job.write(kept, 0, kept.length - 2);
                    }
                    out.write(0x12);
                    out.flush();
                    previous = -1;
                    beforePrevious = -1;
                    continue;
                }
                synchronized (this) {
                    job.write(b);
                }
                beforePrevious = previous;
                previous = b;
            }
        } catch (IOException e) {
            // the printer's side of a closed connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
