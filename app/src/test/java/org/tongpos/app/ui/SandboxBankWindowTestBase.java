package org.tongpos.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/**
 * The cashier's window on the demo catalog with the sandbox bank behind the till: the bank runs on the fixture's
 * clock, as the terminal does (it checks request times against its own), and is closed with the window.
 */
public abstract class SandboxBankWindowTestBase extends CashierWindowTestBase {

    protected SandboxBank bank;

    @Override
    protected final Terminal openTerminal(Path directory) throws Exception {
        String key = BankTestSupport.newKey();
        Path bankDir = Files.createDirectories(directory.resolve("bank"));
        Terminal opened = TerminalFixture.openWithDemoCatalog(directory.resolve("till"));
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT), opened.clock());
        BankTestSupport.configure(opened, bank.apiBaseUrl(), key);
        prepare(opened);
        return opened;
    }

    /** What a test adds to the terminal before the window opens (promotions, say). */
    protected void prepare(Terminal opened) throws Exception {
    }

    @Override
    protected void closeMore() throws Exception {
        if (bank != null) {
            bank.close();
        }
    }
}
