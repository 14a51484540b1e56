package org.tongpos.app.shell;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.tongpos.app.backup.service.WindowBackup;
import org.tongpos.app.promotions.service.WindowPromoImport;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.storage.DirectoryLock;

/**
 * The running window's answer to a second start on its data directory: it listens on a loopback port (written in
 * the directory's owner file with a random token) and, asked {@code show TOKEN}, brings itself to the front and
 * answers {@code shown}. Anything else gets {@code no}. A daemon thread serves one short request at a time.
 */
final class SingleWindow implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleWindow.class);
    static final String SHOWN = "shown";

    private final ServerSocket server;
    private final String token;
    private volatile Runnable show = () -> { };
    private volatile Function<Path, String> backup = file -> "failed the window is not ready";
    private volatile Function<WindowPromoImport.Request, String> promoImport =
            request -> "failed the window is not ready";

    private SingleWindow(ServerSocket server, String token) {
        this.server = server;
        this.token = token;
    }

    /** Listens on a free loopback port. */
    static SingleWindow listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        SingleWindow window = new SingleWindow(server, HexFormat.of().formatHex(secret));
        Thread serving = new Thread(window::serve, "tongpos-single-window");
        serving.setDaemon(true);
        serving.start();
        return window;
    }

    int port() {
        return server.getLocalPort();
    }

    String token() {
        return token;
    }

    /** What a "show" request does once the window is up (before that, the window about to show is the answer). */
    void onShow(Runnable action) {
        this.show = action;
    }

    /**
     * What a {@code backup} request does ({@link WindowBackup}): makes the backup and returns the answer line. Runs
     * on this channel's thread, one request at a time.
     */
    void onBackup(Function<Path, String> action) {
        this.backup = action;
    }

    /**
     * What a {@code promo-import} request does ({@link WindowPromoImport}): imports in the window's own process and
     * returns the answer lines. Runs on this channel's thread.
     */
    void onPromoImport(Function<WindowPromoImport.Request, String> action) {
        this.promoImport = action;
    }

    /** Asks the window that owns a data directory to come to the front: true when it said it did. */
    static boolean summon(DirectoryLock.Owner owner, Duration timeout) {
        if (owner.holder() != DirectoryLock.Holder.WINDOW || owner.port() <= 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), owner.port()),
                    (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("show " + owner.token() + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return SHOWN.equals(in.readLine());
        } catch (IOException e) {
            LOG.debug("the window on port {} did not answer: {}", owner.port(), e.toString());
            return false;
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(2000);
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII));
                String request = in.readLine();
                Optional<WindowPromoImport.Request> promotions = WindowPromoImport.parse(request, token);
                if (promotions.isPresent()) {
                    LOG.info("promotions import of {} asked for by a command", promotions.get().file());
                    client.setSoTimeout(0);
                    String answer = promoImport.apply(promotions.get());
                    client.getOutputStream().write((answer.endsWith("\n") ? answer : answer + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                Optional<Path> backupTo = WindowBackup.parse(request, token);
                if (backupTo.isPresent()) {
                    LOG.info("backup to {} asked for by a command",
                            backupTo.get().toString().isEmpty() ? "the backup folder" : backupTo.get());
                    client.getOutputStream().write((backup.apply(backupTo.get()).replace('\n', ' ') + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                boolean shown = ("show " + token).equals(request);
                client.getOutputStream().write(((shown ? SHOWN : "no") + "\n").getBytes(StandardCharsets.US_ASCII));
                if (shown) {
                    LOG.info("TongPOS was started again on this data directory: bringing the window to the front");
                    show.run();
                }
            } catch (SocketException e) {
                if (!server.isClosed()) {
                    LOG.debug("single-window request failed: {}", e.toString());
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("single-window request failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the port goes with the process anyway
        }
    }
}
