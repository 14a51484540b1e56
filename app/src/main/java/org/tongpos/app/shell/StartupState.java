package org.tongpos.app.shell;

import java.time.Duration;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.ui.Station;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.LoginService;
import org.tongpos.app.operators.service.OperatorSetup;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.ui.Notice;

/**
 * Everything the window needs from the database before it is drawn, read once off the FX thread: the till, the
 * screen settings, whether to show the demo-store hint (a demo catalog and no sale yet), who is logged in from the
 * start ({@code login.auto}; the log-in is recorded here) or why nobody could be, and the catalog's size.
 */
record StartupState(Station station, UiSettings settings, Optional<DemoHint> demoHint, Optional<Session> automatic,
                    Optional<Notice> loginNotice, Duration idleLock, int catalogSize) {

    /**
     * Two demo goods a new user can try at once: a barcode to scan and a PLU of weighed goods to type; and whether
     * the demo operators are there, logged in automatically as the demo cashier.
     */
    record DemoHint(String barcode, String barcodeName, String plu, String pluName, boolean demoOperators) {
    }

    static final String DEMO_PLU = "10001";

    static StartupState load(Terminal terminal) {
        Station station = new Station(terminal.settings().get(SettingKey.TERMINAL_ID), terminal.storeName(),
                Integer.parseInt(terminal.settings().get(SettingKey.RECEIPT_COLUMNS)));
        Optional<Session> automatic = Optional.empty();
        Optional<Notice> loginNotice = Optional.empty();
        String auto = terminal.settings().get(SettingKey.LOGIN_AUTO);
        if (!auto.isEmpty()) {
            LoginService.AutoLogin login = terminal.operators().login().logInAutomatically(auto);
            automatic = login.session();
            loginNotice = login.problem().map(problem -> Notice.error(problem.key(), problem.number()));
        }
        Optional<DemoHint> hint = Optional.empty();
        if (terminal.journal().lastSeq() == 0) {
            String barcode = DemoCatalog.stapleBarcode(0);
            Optional<Product> scanned = terminal.catalog().byBarcode(barcode);
            Optional<Product> weighed = terminal.catalog().byPlu(DEMO_PLU);
            boolean demoOperators = automatic.map(Session::recordedAs).filter(OperatorSetup.DEMO_CASHIER::equals)
                    .isPresent() && OperatorSetup.DEMO.stream().allMatch(demo -> terminal.operators().operators()
                    .find(demo.number()).filter(o -> o.name().equals(demo.name())).isPresent());
            if (scanned.isPresent() && weighed.isPresent()) {
                hint = Optional.of(new DemoHint(barcode, scanned.get().name(), DEMO_PLU, weighed.get().name(),
                        demoOperators));
            }
        }
        // the active promotions into memory here, off the FX thread: the till prices its cart with them on every scan
        terminal.promotions().promotions().book();
        Duration idleLock = Duration.ofMinutes(Integer.parseInt(terminal.settings().get(SettingKey.LOCK_IDLE_MINUTES)));
        return new StartupState(station, UiSettings.load(terminal.settings()), hint, automatic, loginNotice, idleLock,
                terminal.catalog().size());
    }
}
