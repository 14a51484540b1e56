package org.tongpos.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tongpos.app.i18n.Messages;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the sandbox bank (the Settlement API on loopback, state in an H2 file under {@code --data}) until the process
 * is stopped. It needs no terminal data directory and never opens a terminal's database.
 */
@Command(name = "sandbox", description = "Runs the sandbox bank on loopback until stopped (Ctrl+C); prints its base URL.")
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8443", paramLabel = "P",
            description = "TCP port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Where the bank keeps its database and statements (created when missing).")
    Path data;

    @Option(names = "--terminal", required = true, paramLabel = "ID=BASE64KEY",
            description = "An enrolled terminal and its 32-byte key in base64 (repeatable), e.g. T0001=$(openssl rand -base64 32).")
    List<String> terminals;

    @Option(names = "--merchant", defaultValue = SandboxBankConfig.DEFAULT_MERCHANT, paramLabel = "M",
            description = "The merchant whose canteen accounts the bank serves (default ${DEFAULT-VALUE}).")
    String merchant;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "The token the admin controls under /sandbox/ require (Authorization: Bearer TOKEN), "
                    + "16-200 characters; default: a new random one at every start. Printed at start-up and written "
                    + "to DIR/admin-token.")
    String adminToken;

    @Override
    public Integer call() throws InterruptedException {
        Messages messages = Messages.of(Locale.getDefault().getLanguage().equals("zh") ? Messages.CHINESE : Locale.ROOT);
        SandboxBankConfig config;
        try {
            Map<String, String> enrolled = SandboxBankConfig.parseTerminals(terminals);
            config = new SandboxBankConfig(port, data, enrolled, merchant).withAdminToken(adminToken);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(messages.get("cli.sandbox.badOption", e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        SandboxBank bank = SandboxBank.start(config);
        Thread stopOnExit = new Thread(bank::stop, "sandbox-bank-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        spec.commandLine().getOut().println(messages.get("cli.sandbox.listening", bank.apiBaseUrl(),
                String.join(", ", config.terminals().keySet()), config.merchantId(), data.toAbsolutePath().normalize()));
        spec.commandLine().getOut().println(messages.get("cli.sandbox.adminToken", bank.adminToken(),
                bank.adminTokenFile().toAbsolutePath().normalize()));
        spec.commandLine().getOut().flush();
        try {
            bank.awaitStop();
        } finally {
            bank.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing to undo
            }
        }
        return ExitCodes.OK;
    }
}
