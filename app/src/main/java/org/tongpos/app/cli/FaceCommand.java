package org.tongpos.app.cli;

import java.util.Map;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.domain.DinerAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code face map|unmap|list}: which diner each person enrolled on a face terminal is. */
@Command(name = "face", description = "Face terminal person ids → diners: map, unmap, list.",
        subcommands = {FaceCommand.MapPerson.class, FaceCommand.Unmap.class, FaceCommand.ListAll.class})
final class FaceCommand {

    @Command(name = "map", description = "PERSON_ID (as the face terminal reports it) is diner DINER_ID.")
    static final class MapPerson extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "PERSON_ID")
        String personId;

        @Parameters(index = "1", paramLabel = "DINER_ID")
        String dinerId;

        @Override
        int change(Terminal terminal) {
            DinerAccount diner = terminal.canteen().faces().map(personId, dinerId);
            out().println(terminal.messages().get("cli.face.mapped", personId, diner.dinerId(), diner.name()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "unmap", description = "Forgets PERSON_ID.")
    static final class Unmap extends TerminalCommand.Nested {
        @Parameters(paramLabel = "PERSON_ID")
        String personId;

        @Override
        int change(Terminal terminal) {
            if (!terminal.canteen().faces().unmap(personId)) {
                err().println(terminal.messages().get("cli.face.notMapped", personId));
                return ExitCodes.FAILURE;
            }
            out().println(terminal.messages().get("cli.face.unmapped", personId));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists person id → diner id.")
    static final class ListAll extends TerminalCommand.Nested {
        @Override
        int change(Terminal terminal) {
            Map<String, String> all = terminal.canteen().faces().all();
            all.forEach((person, diner) -> out().println(person + "\t" + diner));
            if (all.isEmpty()) {
                out().println(terminal.messages().get("cli.canteen.none"));
            }
            return ExitCodes.OK;
        }
    }
}
