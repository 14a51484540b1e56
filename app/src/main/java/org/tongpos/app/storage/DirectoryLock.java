package org.tongpos.app.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Only one TongPOS process owns a data directory at a time: the cashier window for as long as it is open, or one
 * command while it runs. Ownership is an operating-system lock on {@code tongpos.lock} in the directory, so it ends
 * with the process however the process ends (no stale lock after a crash). The owner describes itself in
 * {@code tongpos.owner} (window or command, the language of its terminal, and for the window the loopback port and
 * token on which it answers "show"), so that a second start can bring the window to the front and a command can say
 * in the terminal's language why it cannot run.
 */
public final class DirectoryLock implements AutoCloseable {

    /** What kind of process owns the directory. */
    public enum Holder {
        WINDOW, COMMAND
    }

    /** What the owner says about itself; {@code port} 0 and {@code token} empty when it answers no requests. */
    public record Owner(Holder holder, String locale, int port, String token, long pid) {
    }

    static final String LOCK_FILE = "tongpos.lock";
    static final String OWNER_FILE = "tongpos.owner";

    private final Path directory;
    private final Holder holder;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path directory, Holder holder, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.holder = holder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the directory (creating it if needed) for this process, or returns empty when another process (or another
     * owner in this one) has it.
     */
    public static Optional<DirectoryLock> tryAcquire(Path directory, Holder holder) {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            DirectoryLock owned = new DirectoryLock(directory, holder, channel, lock);
            owned.describe("", 0, "");
            return Optional.of(owned);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("cannot lock the data directory " + directory, e);
        }
    }

    /** What the current owner of {@code directory} said about itself, if it said anything readable. */
    public static Optional<Owner> owner(Path directory) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(OWNER_FILE), StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new Owner(Holder.valueOf(p.getProperty("holder")), p.getProperty("locale", ""),
                    Integer.parseInt(p.getProperty("port", "0")), p.getProperty("token", ""),
                    Long.parseLong(p.getProperty("pid", "0"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Tells later starts the terminal's language and, for the window, where it answers "show". */
    public void describe(String locale, int port, String token) {
        Properties p = new Properties();
        p.setProperty("holder", holder.name());
        p.setProperty("locale", locale);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("token", token);
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        Path temporary = directory.resolve(OWNER_FILE + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "the TongPOS process that owns this data directory (see " + LOCK_FILE + ")");
            }
            try {
                Files.move(temporary, directory.resolve(OWNER_FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(OWNER_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StorageException("cannot write " + OWNER_FILE + " in " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Gives the directory up (the owner file stays; the next owner rewrites it). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
