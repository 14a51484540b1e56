package org.tongpos.app.cli;

import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import picocli.CommandLine.Option;

/**
 * {@code --operator NO}: whom the command line records as acting (audit log, cashier of record). The command line is
 * an administrator's tool and never asks for a PIN; without the option it is recorded as {@code system}.
 */
final class ActorOption {

    @Option(names = "--operator", paramLabel = "NO",
            description = "The operator recorded as acting (audit log, cashier of a sale); default: system.")
    String operator;

    /** The session to act with; a number that names no enabled operator is bad input. */
    Session session(Terminal terminal, String fallback) throws OperatorException {
        return terminal.operators().operators().commandLineSession(Optional.ofNullable(operator), fallback);
    }

    Session session(Terminal terminal) throws OperatorException {
        return session(terminal, Session.SYSTEM);
    }
}
