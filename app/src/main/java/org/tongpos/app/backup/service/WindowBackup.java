package org.tongpos.app.backup.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.tongpos.app.storage.DirectoryLock;

/**
 * {@code backup create} while the window owns the data directory: the command asks the window, over its loopback
 * second-start channel (port and token in the directory's owner file), to make the backup itself, so that a selling
 * till is backed up online without closing it. Request {@code backup TOKEN PATH} (the path in Base64 of UTF-8, empty
 * for a file of the window's choosing in {@code backup.folder});
 * answer one line, {@code ok FILE} or {@code failed REASON} (UTF-8).
 */
public final class WindowBackup {

    public static final String REQUEST = "backup";

    private WindowBackup() {
    }

    /** The request line for a backup to {@code file}. */
    public static String request(String token, Path file) {
        String path = file.toString().isEmpty() ? "" : file.toAbsolutePath().toString();
        return REQUEST + " " + token + " " + Base64.getEncoder().encodeToString(path.getBytes(StandardCharsets.UTF_8));
    }

    /** The file a request line names, when it is a backup request with this token. */
    public static Optional<Path> parse(String line, String token) {
        String prefix = REQUEST + " " + token + " ";
        if (line == null || !line.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(new String(Base64.getDecoder().decode(line.substring(prefix.length())),
                    StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks the window that owns the directory for a backup to {@code file}; the window's answer line, or empty when
     * no window answered.
     */
    public static Optional<String> ask(DirectoryLock.Owner owner, Path file, Duration timeout) {
        if (owner.holder() != DirectoryLock.Holder.WINDOW || owner.port() <= 0) {
            return Optional.empty();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), owner.port()), 2000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((request(owner.token(), file) + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
