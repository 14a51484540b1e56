package org.tongpos.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tongpos.app.Terminal;
import org.tongpos.app.Version;
import org.tongpos.app.backup.service.Backups;
import org.tongpos.app.backup.store.BackupStore;
import org.tongpos.app.devices.domain.DeviceConfig;
import org.tongpos.app.devices.domain.DeviceHealth;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.journal.service.JournalVerifier;
import org.tongpos.app.logging.SecretMasking;
import org.tongpos.app.logging.TerminalLogging;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.storage.Database;
import org.tongpos.app.support.service.SupportBundle;
import org.tongpos.sync.batch.SyncStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code support bundle FILE}: see docs/operations.md. */
@Command(name = "support", description = "What to send to whoever helps the shop.",
        subcommands = SupportCommand.Bundle.class)
final class SupportCommand {

    @Command(name = "bundle", description = "Writes a zip with the logs, the configuration (secrets masked), device "
            + "states, versions, the journal head, sync state and backups.")
    static final class Bundle extends TerminalCommand.Nested {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        int change(Terminal terminal) {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("version.txt", String.join("\n", Version.details()) + "\nschema " + schema(terminal)
                    + " (this program up to " + Database.programSchemaVersion() + ")\n");
            texts.put("config.txt", configuration(terminal));
            texts.put("devices.txt", devices(terminal));
            BackupStore.State state = terminal.backups().state();
            texts.put("journal.txt", journal(terminal, state));
            texts.put("sync.txt", sync(terminal, state));
            texts.put("backups.txt", backups(terminal));
            texts.put("data-directory.txt", dataDirectory(terminal.database().directory()));
            try {
                List<String> entries = SupportBundle.write(file, texts,
                        TerminalLogging.logFolder(terminal.database().directory()));
                out().println(terminal.messages().get("support.bundle.written", file.toAbsolutePath(), entries.size()));
                return ExitCodes.OK;
            } catch (IOException | RuntimeException e) {
                err().println(terminal.messages().get("support.bundle.failed", file, e.getMessage()));
                return ExitCodes.FAILURE;
            }
        }

        private static String schema(Terminal terminal) {
            return terminal.backups().state().schemaVersion();
        }

        private static String configuration(Terminal terminal) {
            StringBuilder out = new StringBuilder();
            for (SettingKey key : SettingKey.values()) {
                String value = terminal.settings().get(key);
                String shown = key.isSecret() && !value.isEmpty() ? SecretMasking.MASK : value;
                out.append(key.key()).append('=').append(shown)
                        .append(value.equals(key.defaultValue()) ? "" : "   # changed").append('\n');
            }
            return out.toString();
        }

        private static String devices(Terminal terminal) {
            StringBuilder out = new StringBuilder();
            DeviceConfig config = DeviceConfig.from(terminal.settings()::get);
            Map<DeviceKind, DeviceHealth> health;
            try {
                health = terminal.devices().health();
            } catch (RuntimeException e) {
                out.append("devices could not be opened: ").append(e.getMessage()).append('\n');
                health = Map.of();
            }
            for (DeviceKind kind : DeviceKind.values()) {
                DeviceHealth h = health.get(kind);
                out.append(kind.id()).append(": address=").append(config.address(kind)).append(" state=")
                        .append(h == null ? "-" : h.state() + (h.reason().isEmpty() ? "" : " (" + h.reason() + ")"))
                        .append('\n');
            }
            return out.toString();
        }

        private static String journal(Terminal terminal, BackupStore.State state) {
            JournalVerifier.Result verified = terminal.journalVerifier().verify();
            return "terminal.id=" + state.terminalId() + "\nhead.seq=" + state.headSeq() + "\nhead.hash="
                    + state.headHash() + "\nverify=" + (verified.ok() ? "ok, " + verified.verifiedEntries() + " entries"
                    : "BROKEN at seq " + verified.firstBadSeq().getAsLong()) + "\n";
        }

        private static String sync(Terminal terminal, BackupStore.State state) {
            StringBuilder out = new StringBuilder();
            out.append("sealed-into-batches.through.seq=").append(state.sentThrough()).append('\n');
            out.append("bank.held.through.seq=").append(state.bankHeld()).append('\n');
            if (!terminal.bank().isConfigured()) {
                out.append("bank=not configured (offline)\n");
                return out.toString();
            }
            try {
                terminal.bank().services().ifPresent(services -> {
                    SyncStatus status = services.sync().status();
                    out.append("pending.entries=").append(status.pendingEntries()).append('\n');
                    out.append("last.contact=").append(status.lastContact().map(Object::toString).orElse("-")).append('\n');
                    out.append("last.outcome=").append(status.lastOutcome().map(Object::toString).orElse("-")).append('\n');
                    out.append("last.error=").append(status.lastError().orElse("-")).append('\n');
                    out.append("auth.problem=").append(status.authProblem()).append('\n');
                    out.append("quarantined.batches=").append(status.quarantined().size()).append('\n');
                });
            } catch (RuntimeException e) {
                out.append("bank settings unusable: ").append(e.getMessage()).append('\n');
            }
            return out.toString();
        }

        private static String backups(Terminal terminal) {
            Path folder = terminal.backups().folder();
            StringBuilder out = new StringBuilder("folder=").append(folder).append('\n');
            for (Path backup : Backups.list(folder)) {
                out.append(backup.getFileName()).append(' ').append(backup.toFile().length()).append(" bytes\n");
            }
            return out.toString();
        }

        private static String dataDirectory(Path directory) {
            StringBuilder out = new StringBuilder("path=").append(directory).append('\n');
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> out.append(directory.relativize(f)).append(' ')
                        .append(f.toFile().length()).append('\n'));
                out.append("free=").append(Files.getFileStore(directory).getUsableSpace()).append('\n');
            } catch (IOException | RuntimeException e) {
                out.append("cannot list: ").append(e.getMessage()).append('\n');
            }
            return out.toString();
        }
    }
}
