package org.tongpos.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.backup.domain.BackupManifest;
import org.tongpos.app.backup.service.BackupException;
import org.tongpos.app.backup.service.BackupRestore;
import org.tongpos.app.backup.service.Backups;
import org.tongpos.app.backup.service.WindowBackup;
import org.tongpos.app.backup.store.BackupStore;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.journal.service.JournalVerifier;
import org.tongpos.app.logging.TerminalLogging;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.storage.DirectoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code backup create|verify|restore}: see docs/operations.md. */
@Command(name = "backup", description = "Back up the terminal while it sells, check a backup, restore one.",
        subcommands = {BackupCommand.Create.class, BackupCommand.Verify.class, BackupCommand.Restore.class})
final class BackupCommand {

    @ParentCommand
    TongPosCommand parent;

    @Command(name = "create", description = "Writes a consistent backup (database and sales log, compressed, with a "
            + "manifest and checksums) to FILE, or into backup.folder (default DATA/backups).")
    static final class Create extends TerminalCommand.Nested {
        @Parameters(arity = "0..1", paramLabel = "FILE")
        Path file;

        /** The window owns the directory: it makes the backup itself, while it sells. */
        @Override
        Optional<Integer> whenOwnedBy(DirectoryLock.Owner owner) {
            if (owner.holder() != DirectoryLock.Holder.WINDOW) {
                return Optional.empty();
            }
            Messages messages = Messages.forSetting(owner.locale());
            Path target = file != null ? file.toAbsolutePath() : Path.of("");
            Optional<String> answer = WindowBackup.ask(owner, target, java.time.Duration.ofMinutes(30));
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            if (answer.get().startsWith("ok ")) {
                Backups.Verified verified = Backups.verify(Path.of(answer.get().substring(3)));
                out().println(messages.get("backup.created", verified.file()));
                printDetails(out(), messages, verified.manifest(), verified.file().toFile().length(),
                        verified.fileSha256());
                return Optional.of(ExitCodes.OK);
            }
            err().println(messages.get("backup.failed", target, answer.get().replaceFirst("^failed ", "")));
            return Optional.of(ExitCodes.FAILURE);
        }

        @Override
        int change(Terminal terminal) {
            Backups backups = terminal.backups();
            Messages messages = terminal.messages();
            try {
                Backups.Created created = backups.create(file != null ? file : backups.fileIn(backups.folder()));
                out().println(messages.get("backup.created", created.file()));
                printDetails(out(), messages, created.manifest(), created.bytes(), created.fileSha256());
                return ExitCodes.OK;
            } catch (BackupException e) {
                err().println(messages.get(e.key(), e.args()));
                return ExitCodes.FAILURE;
            }
        }
    }

    @Command(name = "verify", description = "Reads a backup whole and checks its checksums and manifest: exit 0, or 2 "
            + "when it is corrupt or not a TongPOS backup.")
    static final class Verify implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Messages messages = messagesFor(((TongPosCommand) spec.root().userObject()).dataDirectory());
            try {
                Backups.Verified verified = Backups.verify(file);
                spec.commandLine().getOut().println(messages.get("backup.verified", verified.file()));
                printDetails(spec.commandLine().getOut(), messages, verified.manifest(),
                        file.toFile().length(), verified.fileSha256());
                return ExitCodes.OK;
            } catch (BackupException e) {
                spec.commandLine().getErr().println(messages.get(e.key(), e.args()));
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    @Command(name = "restore", description = "Puts a backup back: refuses a corrupt or foreign file, one made by a newer "
            + "TongPOS, and (unless --force) one older than the journal already handed to the bank; then verifies "
            + "the journal. Exit 0, 2 refused (nothing changed), 3 journal broken after the restore, 1 failed.")
    static final class Restore implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--force", description = "Restore even a backup older than what the bank already has, or "
                + "over a database that cannot be opened.")
        boolean force;

        @Override
        public Integer call() {
            Path directory = ((TongPosCommand) spec.root().userObject()).dataDirectory();
            java.io.PrintWriter out = spec.commandLine().getOut();
            java.io.PrintWriter err = spec.commandLine().getErr();
            Optional<DirectoryLock> lock = DirectoryLock.tryAcquire(directory, DirectoryLock.Holder.COMMAND);
            if (lock.isEmpty()) {
                Optional<DirectoryLock.Owner> owner = DirectoryLock.owner(directory);
                Messages busy = Messages.forSetting(owner.map(DirectoryLock.Owner::locale).orElse(""));
                boolean window = owner.map(o -> o.holder() == DirectoryLock.Holder.WINDOW).orElse(false);
                err.println(busy.get(window ? "cli.busy.window" : "cli.busy.command", directory));
                return ExitCodes.FAILURE;
            }
            TerminalLogging.logToFiles(directory);
            try (DirectoryLock owned = lock.get()) {
                Messages messages = messagesFor(directory);
                try {
                    BackupManifest manifest = Backups.verify(file).manifest();
                    Optional<CurrentTerminal> current = current(directory, manifest.headSeq(), err);
                    if (current.isPresent()) {
                        messages = current.get().messages;
                    }
                    BackupRestore.Restored restored = BackupRestore.restore(file, directory,
                            current.map(c -> (BackupRestore.Current) c), force, Clock.systemUTC());
                    Messages said = messages;
                    out.println(said.get("backup.restored", file.toAbsolutePath()));
                    printDetails(out, said, restored.manifest(), file.toFile().length(), "");
                    restored.setAside().ifPresent(p -> out.println(said.get("backup.restore.setAside", p)));
                    if (restored.entriesDropped() > 0) {
                        err.println(messages.get("backup.restore.dropped", restored.entriesDropped()));
                    }
                } catch (BackupException e) {
                    err.println(messages.get(e.key(), e.args()));
                    return e.refusal() ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
                }
                try (Terminal terminal = Terminal.open(directory)) {
                    owned.describe(terminal.settings().get(SettingKey.LOCALE), 0, "");
                    JournalVerifier.Result result = terminal.journalVerifier().verify();
                    if (result.ok()) {
                        out.println(terminal.messages().get("cli.journal.ok", result.verifiedEntries()));
                        return ExitCodes.OK;
                    }
                    err.println(terminal.messages().get("cli.journal.broken", result.firstBadSeq().getAsLong(),
                            result.problem().orElseThrow().text(terminal.messages())));
                    return ExitCodes.JOURNAL_BROKEN;
                }
            }
        }

        /** The terminal restored over, read and closed again; empty when its database cannot be opened. */
        private static Optional<CurrentTerminal> current(Path directory, long seq, java.io.PrintWriter err) {
            if (!BackupRestore.hasDatabase(directory)) {
                return Optional.of(new CurrentTerminal(Optional.empty(), Optional.empty(), Messages.forSetting("")));
            }
            try (Terminal terminal = Terminal.open(directory)) {
                Backups backups = terminal.backups();
                return Optional.of(new CurrentTerminal(Optional.of(backups.state()), backups.entryHashAt(seq),
                        terminal.messages()));
            } catch (RuntimeException e) {
                err.println(e.getMessage());
                return Optional.empty();
            }
        }
    }

    /** The current terminal's state as read before a restore. */
    private record CurrentTerminal(Optional<BackupStore.State> state, Optional<String> hashAtBackupHead,
                                   Messages messages) implements BackupRestore.Current {
        @Override
        public Optional<String> entryHashAt(long seq) {
            return hashAtBackupHead;
        }
    }

    /** The language of the data directory's owner when one is running, else the default (Chinese). */
    private static Messages messagesFor(Path directory) {
        return Messages.forSetting(DirectoryLock.owner(directory).map(DirectoryLock.Owner::locale).orElse(""));
    }

    private static void printDetails(java.io.PrintWriter out, Messages messages, BackupManifest manifest, long bytes,
            String sha256) {
        out.println(messages.get("backup.details", manifest.terminalId(), manifest.headSeq(), manifest.headHash(),
                manifest.createdAt().toString(), manifest.programVersion(), manifest.schemaVersion(),
                manifest.sentThrough()));
        if (!sha256.isEmpty()) {
            out.println(messages.get("backup.file", bytes, sha256));
        }
    }
}
