package org.tongpos.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.tongpos.app.Terminal;
import org.tongpos.app.journal.service.JournalVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "journal", description = "Verify and export the hash-chained journal.",
        subcommands = {JournalCommand.Verify.class, JournalCommand.Export.class})
final class JournalCommand {

    @ParentCommand
    TongPosCommand parent;

    @Command(name = "verify", description = "Recomputes the hash chain: exit 0 with the entry count, or 3 naming the first bad seq.")
    static final class Verify extends TerminalCommand {
        @ParentCommand
        JournalCommand journal;

        @Override
        TongPosCommand root() {
            return journal.parent;
        }

        @Override
        int run(Terminal terminal) {
            JournalVerifier.Result result = terminal.journalVerifier().verify();
            if (result.ok()) {
                out().println(terminal.messages().get("cli.journal.ok", result.verifiedEntries()));
                return ExitCodes.OK;
            }
            err().println(terminal.messages().get("cli.journal.broken", result.firstBadSeq().getAsLong(),
                    result.problem().orElseThrow().text(terminal.messages())));
            return ExitCodes.JOURNAL_BROKEN;
        }
    }

    @Command(name = "export", description = "Writes entries as JSON lines in the Settlement API's entry format.")
    static final class Export extends TerminalCommand {
        @ParentCommand
        JournalCommand journal;

        @Option(names = "--from-seq", defaultValue = "1", paramLabel = "N")
        long fromSeq;

        @Override
        TongPosCommand root() {
            return journal.parent;
        }

        @Override
        int run(Terminal terminal) {
            ObjectMapper json = new ObjectMapper();
            PrintWriter out = out();
            terminal.journal().forEach(Math.max(1, fromSeq), Long.MAX_VALUE, entry -> {
                try {
                    out.println(json.writeValueAsString(entry));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            return ExitCodes.OK;
        }
    }
}
