package org.tongpos.app.cli;

import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.service.SettingRefusal;
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
            Optional<SettingRefusal> refused = terminal.settings().check(setting.get(), value);
            if (refused.isPresent()) {
                err().println(refusal(terminal.messages(), refused.get()));
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

        private static String refusal(Messages messages, SettingRefusal refusal) {
            return switch (refusal.reason()) {
                case TERMINAL_ID_LOCKED -> messages.get("cli.config.terminalIdLocked");
                case PLAIN_HTTP_REFUSED -> messages.get("bank.plainHttpRefused", refusal.detail());
                case KEY_TAKEN -> messages.get("cli.config.keyTaken", refusal.value(),
                        refusal.other().orElseThrow().key());
                case INVALID -> refusal.detail().isEmpty()
                        ? messages.get("cli.config.badValue", refusal.setting().key())
                        : messages.get("cli.config.badValueBecause", refusal.setting().key(), refusal.detail());
            };
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
