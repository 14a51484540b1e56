package org.tongpos.app.cli;

import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankSettings;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.settings.domain.SettingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "config", description = "Read and change terminal settings.",
        subcommands = {ConfigCommand.Set.class, ConfigCommand.Get.class, ConfigCommand.ListAll.class})
final class ConfigCommand {

    @ParentCommand
    TongPosCommand parent;

    @Command(name = "set", description = "Sets KEY to VALUE after checking it.")
    static final class Set extends TerminalCommand {
        @ParentCommand
        ConfigCommand config;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Mixin
        ActorOption actor;

        @Override
        TongPosCommand root() {
            return config.parent;
        }

        @Override
        int run(Terminal terminal) {
            Optional<SettingKey> setting = SettingKey.byKey(key);
            if (setting.isEmpty()) {
                err().println(terminal.messages().get("cli.config.unknownKey", key));
                return ExitCodes.BAD_INPUT;
            }
            if (!setting.get().accepts(value)) {
                err().println(terminal.messages().get("cli.config.badValue", key));
                return ExitCodes.BAD_INPUT;
            }
            Optional<String> plainHttpHost = setting.get() == SettingKey.BANK_URL
                    ? BankSettings.from(terminal.settings()).withUrl(value).refusedPlainHttpHost() : Optional.empty();
            if (plainHttpHost.isPresent()) {
                err().println(terminal.messages().get("bank.plainHttpRefused", plainHttpHost.get()));
                return ExitCodes.BAD_INPUT;
            }
            if (setting.get() == SettingKey.TERMINAL_ID && terminal.journal().lastSeq() > 0
                    && !value.equals(terminal.settings().get(SettingKey.TERMINAL_ID))) {
                err().println(terminal.messages().get("cli.config.terminalIdLocked"));
                return ExitCodes.BAD_INPUT;
            }
            Session by;
            try {
                by = actor.session(terminal);
            } catch (OperatorException e) {
                err().println(e.text(terminal.messages()));
                return ExitCodes.BAD_INPUT;
            }
            terminal.settings().set(setting.get(), value);
            terminal.operators().audit().record(AuditEntry.by(by, AuditAction.SETTING_CHANGED).subject(key)
                    .detail(setting.get().isSecret() ? "********" : value));
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "Prints the value of KEY.")
    static final class Get extends TerminalCommand {
        @ParentCommand
        ConfigCommand config;

        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        TongPosCommand root() {
            return config.parent;
        }

        @Override
        int run(Terminal terminal) {
            Optional<SettingKey> setting = SettingKey.byKey(key);
            if (setting.isEmpty()) {
                err().println(terminal.messages().get("cli.config.unknownKey", key));
                return ExitCodes.BAD_INPUT;
            }
            String value = terminal.settings().get(setting.get());
            out().println(setting.get().isSecret() && !value.isEmpty() ? "********" : value);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Prints every setting (secrets hidden).")
    static final class ListAll extends TerminalCommand {
        @ParentCommand
        ConfigCommand config;

        @Override
        TongPosCommand root() {
            return config.parent;
        }

        @Override
        int run(Terminal terminal) {
            for (SettingKey key : SettingKey.values()) {
                String value = terminal.settings().get(key);
                out().println(key.key() + "=" + (key.isSecret() && !value.isEmpty() ? "********" : value));
            }
            return ExitCodes.OK;
        }
    }
}
