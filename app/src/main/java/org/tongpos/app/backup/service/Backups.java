package org.tongpos.app.backup.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.Version;
import org.tongpos.app.backup.domain.BackupManifest;
import org.tongpos.app.backup.store.BackupStore;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.storage.DurableDirectories;

/**
 * Backups of a terminal (docs/operations.md, docs/decisions/0010-backups.md): {@link #create} makes a consistent
 * backup while the till sells (a database snapshot as H2 SQL and the sales write-ahead log, taken at one quiet point),
 * compressed in a zip with a manifest and each part's SHA-256; {@link #verify} checks one; {@link BackupRestore}
 * puts one back.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    /** Daily backups' names: {@code tongpos-TERMINAL-yyyyMMdd-HHmmss.zip} (UTC); other files are never pruned. */
    static final Pattern NAME = Pattern.compile("tongpos-([A-Za-z0-9_-]{1,32})-(\\d{8}-\\d{6})\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final BackupStore store;
    private final SaleStore sales;
    private final Clock clock;
    private final Supplier<String> storeName;
    private final Supplier<Path> folder;

    /**
     * @param folder where backups go when no file is named: the {@code backup.folder} setting, else
     *               {@code DATA/backups}
     */
    public Backups(BackupStore store, SaleStore sales, Clock clock, Supplier<String> storeName, Supplier<Path> folder) {
        this.store = store;
        this.sales = sales;
        this.clock = clock;
        this.storeName = storeName;
        this.folder = folder;
    }

    /** The folder of daily backups and of {@code backup create} without a file. */
    public Path folder() {
        return folder.get();
    }

    /** A backup written: its file, manifest, size and the whole file's SHA-256. */
    public record Created(Path file, BackupManifest manifest, long bytes, String fileSha256) {
    }

    /** A backup read back whole and found sound: its manifest and the whole file's SHA-256. */
    public record Verified(Path file, BackupManifest manifest, String fileSha256) {
    }

    /** The state a restore is checked against: terminal id, journal head, what the bank was given. */
    public BackupStore.State state() {
        return store.state();
    }

    /** The journal entry's hash at {@code seq}, empty when the journal does not reach it. */
    public Optional<String> entryHashAt(long seq) {
        return store.entryHashAt(seq);
    }

    /** The file {@link #create} writes into {@code folder} when none is named. */
    public Path fileIn(Path folder) {
        String stamp = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(STAMP);
        return folder.resolve("tongpos-" + store.state().terminalId() + "-" + stamp + ".zip");
    }

    /**
     * Writes a backup to {@code file} (replacing it; made under a temporary name and moved into place, so a file of
     * that name is always whole). The till may sell meanwhile: it waits only for the moment the snapshot starts.
     */
    public Created create(Path file) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path script = folder.resolve("." + target.getFileName() + ".sql.tmp");
        Path partial = folder.resolve("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(folder);
            BackupStore.State state;
            byte[] log;
            try (BackupStore.Snapshot snapshot = store.snapshot(sales)) {
                state = snapshot.state();
                log = snapshot.log();
                snapshot.scriptTo(script);
            }
            MessageDigest databaseDigest = sha256();
            BackupManifest manifest;
            try (OutputStream file0 = Files.newOutputStream(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(file0)) {
                zip.putNextEntry(new ZipEntry(BackupManifest.DATABASE_ENTRY));
                long databaseBytes;
                try (InputStream in = new DigestInputStream(Files.newInputStream(script), databaseDigest)) {
                    databaseBytes = in.transferTo(zip);
                }
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(BackupManifest.LOG_ENTRY));
                zip.write(log);
                zip.closeEntry();
                manifest = new BackupManifest(BackupManifest.FORMAT, Version.TEXT, state.schemaVersion(),
                        state.terminalId(), storeName.get(), clock.instant(), state.headSeq(), state.headHash(),
                        state.sentThrough(), state.bankHeld(), log.length,
                        HexFormat.of().formatHex(databaseDigest.digest()), databaseBytes, hex(sha256().digest(log)));
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                zip.write(manifest.toBytes());
                zip.closeEntry();
            }
            try (var channel = java.nio.channels.FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            DurableDirectories.syncEntries(folder);
            Created created = new Created(target, manifest, Files.size(target), fileSha256(target));
            LOG.info("backup {} made: journal through seq {}, {} bytes", target, manifest.headSeq(), created.bytes());
            return created;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            LOG.warn("backup to {} failed: {}", target, e.toString());
            throw new BackupException(BackupException.Kind.FAILED, "backup.failed", e, target, e.getMessage());
        } finally {
            deleteQuietly(script);
        }
    }

    /**
     * Reads a backup whole and checks it: a zip whose entries' CRC-32 hold, with a manifest of this format, and a
     * database script and sales log whose size and SHA-256 are those the manifest names.
     *
     * @throws BackupException of kind CORRUPT otherwise
     */
    public static Verified verify(Path file) {
        BackupManifest manifest = null;
        String databaseSha = null;
        long databaseBytes = -1;
        byte[] log = null;
        // the central directory (a cut-off file has none) names exactly the three parts ...
        try (ZipFile whole = new ZipFile(file.toFile())) {
            List<String> names = whole.stream().map(ZipEntry::getName).sorted().toList();
            if (!names.equals(List.of(BackupManifest.DATABASE_ENTRY, BackupManifest.ENTRY, BackupManifest.LOG_ENTRY))) {
                throw corrupt(file, "parts " + names, null);
            }
        } catch (IOException e) {
            throw corrupt(file, e.getMessage(), e);
        }
        // ... and read in order, each entry's CRC-32 is checked, the parts' SHA-256 against the manifest below
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                switch (entry.getName()) {
                    case BackupManifest.ENTRY -> manifest = BackupManifest.read(zip);
                    case BackupManifest.LOG_ENTRY -> log = zip.readAllBytes();
                    case BackupManifest.DATABASE_ENTRY -> {
                        MessageDigest digest = sha256();
                        databaseBytes = new DigestInputStream(zip, digest).transferTo(OutputStream.nullOutputStream());
                        databaseSha = hex(digest.digest());
                    }
                    default -> throw new IllegalArgumentException("unexpected entry " + entry.getName());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt(file, e.getMessage(), e);
        }
        if (manifest == null || log == null || databaseSha == null) {
            throw corrupt(file, "a part is missing (manifest, database or sales log)", null);
        }
        if (!manifest.databaseSha256().equals(databaseSha) || manifest.databaseBytes() != databaseBytes) {
            throw corrupt(file, "the database script's checksum does not match the manifest", null);
        }
        if (!manifest.logSha256().equals(hex(sha256().digest(log))) || manifest.logBytes() != log.length) {
            throw corrupt(file, "the sales log's checksum does not match the manifest", null);
        }
        try {
            return new Verified(file.toAbsolutePath(), manifest, fileSha256(file));
        } catch (IOException e) {
            throw corrupt(file, e.getMessage(), e);
        }
    }

    /** Extracts a verified backup's script to {@code script} and returns its sales log; CORRUPT if it changed since. */
    static byte[] extract(Verified backup, Path script) {
        byte[] log = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup.file()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(BackupManifest.DATABASE_ENTRY)) {
                    MessageDigest digest = sha256();
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(script), digest)) {
                        zip.transferTo(out);
                    }
                    if (!hex(digest.digest()).equals(backup.manifest().databaseSha256())) {
                        throw new IOException("the database script changed since it was verified");
                    }
                } else if (entry.getName().equals(BackupManifest.LOG_ENTRY)) {
                    log = zip.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw corrupt(backup.file(), e.getMessage(), e);
        }
        if (log == null || !hex(sha256().digest(log)).equals(backup.manifest().logSha256())) {
            throw corrupt(backup.file(), "the sales log changed since it was verified", null);
        }
        return log;
    }

    /** The daily-named backups in {@code folder} ({@code tongpos-TERMINAL-STAMP.zip}), newest first. */
    public static List<Path> list(Path folder) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "tongpos-*.zip")) {
            for (Path file : files) {
                if (madeAt(file).isPresent()) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the backups in {}: {}", folder, e.toString());
        }
        found.sort(Comparator.comparing((Path p) -> madeAt(p).orElseThrow()).reversed());
        return found;
    }

    /** When a daily-named backup was made, from its name. */
    public static Optional<Instant> madeAt(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(2), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Deletes all but the newest {@code keep} daily-named backups in {@code folder}; returns those deleted. */
    public static List<Path> prune(Path folder, int keep) {
        List<Path> all = list(folder);
        List<Path> deleted = new ArrayList<>();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
                deleted.add(old);
            } catch (IOException e) {
                LOG.warn("cannot delete the old backup {}: {}", old, e.toString());
            }
        }
        return deleted;
    }

    static String fileSha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(digest.digest());
    }

    private static BackupException corrupt(Path file, String why, Throwable cause) {
        return new BackupException(BackupException.Kind.CORRUPT, "backup.corrupt", cause, file,
                why == null ? "" : why);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
