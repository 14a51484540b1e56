package org.tongpos.app.ui;

import java.nio.file.Path;
import org.tongpos.app.Terminal;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.shell.CashierWindow;

/**
 * The cashier window with the till's screens (shift, suspend, return) over it and a shift already open with a
 * ¥100 float, for TestFX tests of those screens. Each test class still has its own {@code @Start} (see
 * {@link CashierWindowTestBase}).
 */
public abstract class TillScreensTestBase extends CashierWindowTestBase {

    @Override
    protected Terminal openTerminal(Path directory) throws Exception {
        Terminal opened = super.openTerminal(directory);
        opened.shifts().open(opened.systemSession(), Money.parseYuan("100"));
        return opened;
    }

    @Override
    protected void addExtensions(CashierWindow cashierWindow) {
        TillScreensSupport.addTillScreens(cashierWindow, terminal, tasks);
    }
}
