package org.tongpos.app.shell;

import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.ui.Station;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.ui.UiSettings;

/**
 * Everything the window needs from the database before it is drawn, read once off the FX thread: the till, the
 * screen settings, whether to show the demo-store hint (a demo catalog and no sale yet) and the catalog's size.
 */
record StartupState(Station station, UiSettings settings, Optional<DemoHint> demoHint, int catalogSize) {

    /** Two demo goods a new user can try at once: a barcode to scan and a PLU of weighed goods to type. */
    record DemoHint(String barcode, String barcodeName, String plu, String pluName) {
    }

    static final String DEMO_PLU = "10001";

    static StartupState load(Terminal terminal) {
        Station station = new Station(terminal.settings().get(SettingKey.TERMINAL_ID), terminal.storeName(),
                terminal.cashier(), Integer.parseInt(terminal.settings().get(SettingKey.RECEIPT_COLUMNS)));
        Optional<DemoHint> hint = Optional.empty();
        if (terminal.journal().lastSeq() == 0) {
            String barcode = DemoCatalog.stapleBarcode(0);
            Optional<Product> scanned = terminal.catalog().byBarcode(barcode);
            Optional<Product> weighed = terminal.catalog().byPlu(DEMO_PLU);
            if (scanned.isPresent() && weighed.isPresent()) {
                hint = Optional.of(new DemoHint(barcode, scanned.get().name(), DEMO_PLU, weighed.get().name()));
            }
        }
        return new StartupState(station, UiSettings.load(terminal.settings()), hint, terminal.catalog().size());
    }
}
