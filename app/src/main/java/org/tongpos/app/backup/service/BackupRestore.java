package org.tongpos.app.backup.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.backup.domain.BackupManifest;
import org.tongpos.app.backup.store.BackupStore;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.DurableDirectories;

/**
 * Puts a backup back into a data directory whose owner lock the caller holds and whose database is closed
 * (docs/operations.md). It refuses, before anything is changed: a corrupt file; a foreign one (another terminal's,
 * or another chain under the same terminal id); one made by a newer program; one whose journal ends before what this
 * terminal already handed to the bank, unless forced. Then it rebuilds the database from the backup's script in a
 * side folder, moves the current database and sales log aside into {@code backups/before-restore-STAMP/} and the
 * rebuilt ones into place. The caller opens the terminal (which replays the backup's sales log) and verifies the
 * journal.
 */
public final class BackupRestore {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRestore.class);
    private static final String WORK = "restore.tmp";
    private static final List<String> DATABASE_FILES = List.of(Database.FILE_NAME + ".mv.db",
            Database.FILE_NAME + ".trace.db", "sales.wal");

    /** The terminal being restored over, as read before the restore; {@link #UNREADABLE} when it cannot be opened. */
    public interface Current {
        /** The database's state, empty when the data directory has no database. */
        Optional<BackupStore.State> state();

        /** The journal entry's hash at {@code seq}, empty when the journal does not reach it. */
        Optional<String> entryHashAt(long seq);
    }

    /** What a restore did: the backup's manifest, where the replaced files went, how many local entries it dropped. */
    public record Restored(BackupManifest manifest, Optional<Path> setAside, long entriesDropped) {
    }

    private BackupRestore() {
    }

    /** Whether a data directory holds a database to restore over. */
    public static boolean hasDatabase(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(Database.FILE_NAME + ".mv.db"));
    }

    /**
     * Checks the backup against the current terminal ({@code current} empty: it could not be read, which only
     * {@code force} passes) and restores it.
     *
     * @throws BackupException a refusal (nothing changed) or a failure (nothing changed, or, should moving the files
     *                         fail half way, the message says where the set-aside files are)
     */
    public static Restored restore(Path file, Path dataDirectory, Optional<Current> current, boolean force,
            Clock clock) {
        Backups.Verified backup = Backups.verify(file);
        BackupManifest manifest = backup.manifest();
        checkAgainst(manifest, current, force);
        long dropped = current.flatMap(Current::state).map(s -> Math.max(0, s.headSeq() - manifest.headSeq()))
                .orElse(0L);
        Path work = dataDirectory.resolve(WORK);
        try {
            deleteTree(work);
            Files.createDirectories(work);
            Path script = work.resolve("database.sql");
            byte[] log = Backups.extract(backup, script);
            BackupStore.runScript(script, work);
            Files.delete(script);
            Files.write(work.resolve("sales.wal"), log);
        } catch (IOException | RuntimeException e) {
            deleteTreeQuietly(work);
            if (e instanceof BackupException refusal) {
                throw refusal;
            }
            throw new BackupException(BackupException.Kind.FAILED, "backup.restore.failed", e, file, e.getMessage());
        }
        Optional<Path> aside = setAside(dataDirectory, clock);
        try {
            for (String name : List.of(Database.FILE_NAME + ".mv.db", "sales.wal")) {
                Files.move(work.resolve(name), dataDirectory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            DurableDirectories.syncEntries(dataDirectory);
            deleteTree(work);
        } catch (IOException e) {
            throw new BackupException(BackupException.Kind.FAILED, "backup.restore.halfway", e, file,
                    aside.map(Path::toString).orElse("-"), e.getMessage());
        }
        LOG.info("restored {} (terminal {}, journal through seq {}); the previous database is in {}; {} entries "
                + "after the backup dropped", file, manifest.terminalId(), manifest.headSeq(),
                aside.map(Path::toString).orElse("-"), dropped);
        return new Restored(manifest, aside, dropped);
    }

    /** The checks before anything is changed; a refusal is thrown. */
    static void checkAgainst(BackupManifest manifest, Optional<Current> current, boolean force) {
        try {
            if (Database.newerThanProgram(manifest.schemaVersion())) {
                throw new BackupException(BackupException.Kind.NEWER_PROGRAM, "backup.refused.newer", null,
                        manifest.programVersion(), manifest.schemaVersion(), Database.programSchemaVersion());
            }
        } catch (NumberFormatException e) {
            throw new BackupException(BackupException.Kind.CORRUPT, "backup.corrupt", e, "manifest",
                    "schema.version " + manifest.schemaVersion());
        }
        if (current.isEmpty()) {
            if (!force) {
                throw new BackupException(BackupException.Kind.CURRENT_UNREADABLE, "backup.refused.unreadable", null);
            }
            return;
        }
        Optional<BackupStore.State> state = current.get().state();
        if (state.isEmpty() || state.get().headSeq() == 0) {
            return; // nothing journaled here yet: any terminal's backup may come in
        }
        BackupStore.State here = state.get();
        if (!here.terminalId().equals(manifest.terminalId())) {
            throw new BackupException(BackupException.Kind.FOREIGN, "backup.refused.foreign", null,
                    manifest.terminalId(), here.terminalId());
        }
        if (manifest.headSeq() > 0) {
            Optional<String> hash = current.get().entryHashAt(manifest.headSeq());
            if (hash.isPresent() && !hash.get().equals(manifest.headHash())) {
                throw new BackupException(BackupException.Kind.FOREIGN, "backup.refused.otherChain", null,
                        manifest.terminalId(), manifest.headSeq());
            }
        }
        if (manifest.headSeq() < here.sentThrough() && !force) {
            throw new BackupException(BackupException.Kind.OLDER_THAN_SENT, "backup.refused.older", null,
                    manifest.headSeq(), here.sentThrough());
        }
    }

    private static Optional<Path> setAside(Path dataDirectory, Clock clock) {
        String stamp = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = Database.upgradeBackups(dataDirectory).resolve("before-restore-" + stamp);
        List<String> present = new ArrayList<>();
        for (String name : DATABASE_FILES) {
            if (Files.exists(dataDirectory.resolve(name))) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(aside);
            for (String name : present) {
                Files.move(dataDirectory.resolve(name), aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            DurableDirectories.syncEntries(aside);
            DurableDirectories.syncEntries(dataDirectory);
        } catch (IOException e) {
            // put back what moved: nothing changed
            for (String name : present) {
                try {
                    if (Files.exists(aside.resolve(name)) && !Files.exists(dataDirectory.resolve(name))) {
                        Files.move(aside.resolve(name), dataDirectory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException back) {
                    e.addSuppressed(back);
                }
            }
            deleteTreeQuietly(dataDirectory.resolve(WORK));
            throw new BackupException(BackupException.Kind.FAILED, "backup.restore.failed", e, aside, e.getMessage());
        }
        return Optional.of(aside);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteTreeQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", folder, e.toString());
        }
    }
}
