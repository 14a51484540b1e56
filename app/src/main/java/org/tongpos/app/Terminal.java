package org.tongpos.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.tongpos.app.bank.service.BankConnection;
import org.tongpos.app.bank.service.BankSettings;
import org.tongpos.app.bank.store.JournalSourceAdapter;
import org.tongpos.app.catalog.domain.PinyinInitials;
import org.tongpos.app.catalog.domain.ScaleBarcodeLayout;
import org.tongpos.app.catalog.service.CatalogCsvReader;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.catalog.store.ProductStore;
import org.tongpos.app.checkout.service.CheckoutService;
import org.tongpos.app.checkout.service.SaleReceipts;
import org.tongpos.app.checkout.service.ScanResolver;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.devices.domain.DeviceConfig;
import org.tongpos.app.devices.service.Devices;
import org.tongpos.app.devices.service.SaleDevices;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.journal.service.JournalVerifier;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.promotions.service.Promotions;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.store.SettingsStore;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.WriteAheadLog;
import org.tongpos.hardware.DeviceFactory;
import org.tongpos.hardware.receipt.PaperWidth;

/**
 * The composition root: opens the terminal's database in a data directory and wires every service by constructor.
 * The GUI and the CLI each build one and close it when they end.
 */
public final class Terminal implements AutoCloseable {

    private static final String SALES_LOG_FILE = "sales.wal";

    private final Database database;
    private final SettingsStore settings;
    private final PinyinInitials pinyin = new PinyinInitials();
    private final CatalogService catalog;
    private final JournalStore journal;
    private final SaleStore sales;
    private final CheckoutService checkout;
    private final BankConnection bank;
    private final Promotions promotions;
    private final Clock clock;
    private Devices devices;
    private SaleDevices saleDevices;

    private Terminal(Database database, Clock baseClock) {
        this.database = database;
        this.settings = new SettingsStore(database.dataSource());
        this.clock = baseClock.withZone(ZoneId.of(settings.get(SettingKey.TIME_ZONE)));
        this.catalog = new CatalogService(new ProductStore(database.dataSource()));
        String terminalId = settings.get(SettingKey.TERMINAL_ID);
        this.journal = new JournalStore(database.dataSource(), terminalId);
        ScanResolver resolver = new ScanResolver(catalog, ScaleBarcodeLayout.parse(settings.get(SettingKey.SCALE_LAYOUT)));
        this.sales = new SaleStore(database, journal,
                WriteAheadLog.open(database.directory().resolve(SALES_LOG_FILE)));
        this.checkout = new CheckoutService(resolver, sales, clock, terminalId);
        this.bank = new BankConnection(BankSettings.from(settings), database.dataSource(),
                new JournalSourceAdapter(journal), clock);
        this.promotions = new Promotions(database.dataSource(), catalog, clock);
    }

    public static Terminal open(Path dataDirectory) {
        return open(dataDirectory, Clock.systemUTC());
    }

    public static Terminal open(Path dataDirectory, Clock clock) {
        Database database = Database.open(dataDirectory);
        try {
            return new Terminal(database, clock);
        } catch (RuntimeException e) {
            // e.g. a write-ahead log that disagrees with the journal: leave the files alone for support to look at
            database.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public SettingsStore settings() {
        return settings;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public CheckoutService checkout() {
        return checkout;
    }

    public JournalStore journal() {
        return journal;
    }

    /** The link to the bank: offline unless bank.url and bank.key are set; see {@link BankConnection}. */
    public BankConnection bank() {
        return bank;
    }

    /** Promotions, members, bank offer caps and pricing (docs/promotions.md). */
    public Promotions promotions() {
        return promotions;
    }

    public JournalVerifier journalVerifier() {
        return new JournalVerifier(journal);
    }

    public CatalogCsvReader catalogCsvReader() {
        return new CatalogCsvReader(pinyin);
    }

    public DemoCatalog demoCatalog() {
        return new DemoCatalog(pinyin);
    }

    public Messages messages() {
        return Messages.forSetting(settings.get(SettingKey.LOCALE));
    }

    /** The store's receipts in the terminal's language. */
    public SaleReceipts saleReceipts() {
        return new SaleReceipts(messages(), storeName());
    }

    /** The receipt paper as configured (printer paper width and columns). */
    public PaperWidth receiptPaper() {
        return DeviceConfig.from(settings::get).paper();
    }

    public String storeName() {
        return settings.get(SettingKey.STORE_NAME);
    }

    public String cashier() {
        return settings.get(SettingKey.CASHIER);
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The configured devices, opened on first use (commands that never touch a device never open a port). Reads
     * settings: call it off the FX thread.
     */
    public synchronized Devices devices() {
        if (devices == null) {
            devices = Devices.open(DeviceConfig.from(settings::get), new DeviceFactory(clock), clock);
        }
        return devices;
    }

    /** What the devices do during a sale (display, receipt, drawer, scale), on {@link #devices()}. */
    public synchronized SaleDevices saleDevices() {
        if (saleDevices == null) {
            saleDevices = new SaleDevices(devices(), new SaleReceipts(messages(), storeName()));
        }
        return saleDevices;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (saleDevices != null) {
                saleDevices.close();
            }
            if (devices != null) {
                devices.close();
            }
        }
        bank.close();
        sales.close();
        database.close();
    }
}
