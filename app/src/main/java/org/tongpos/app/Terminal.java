package org.tongpos.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.backup.service.BackupSchedule;
import org.tongpos.app.backup.service.Backups;
import org.tongpos.app.backup.store.BackupStore;
import org.tongpos.app.bank.service.BankConnection;
import org.tongpos.app.bank.service.BankSettings;
import org.tongpos.app.bank.store.BankStorage;
import org.tongpos.app.bank.service.BankServices;
import org.tongpos.app.bank.store.JournalSourceAdapter;
import org.tongpos.app.canteen.service.CanteenServices;
import org.tongpos.app.canteen.service.RuleChangeListener;
import org.tongpos.app.canteen.store.LaneMovementStore;
import org.tongpos.app.canteen.store.CanteenStores;
import org.tongpos.app.canteen.store.LocalDinerStore;
import org.tongpos.app.canteen.store.ManualIdentificationStore;
import org.tongpos.app.canteen.store.MealJournal;
import org.tongpos.app.canteen.store.MealRefundJournal;
import org.tongpos.app.canteen.store.MealStore;
import org.tongpos.app.canteen.store.QrNonceStore;
import org.tongpos.app.catalog.domain.PinyinInitials;
import org.tongpos.app.catalog.domain.ScaleBarcodeLayout;
import org.tongpos.app.catalog.service.CatalogCsvReader;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.catalog.store.ProductStore;
import org.tongpos.app.checkout.domain.CashRounding;
import org.tongpos.app.checkout.service.CheckoutService;
import org.tongpos.app.checkout.service.SaleReceipts;
import org.tongpos.app.checkout.service.ScanResolver;
import org.tongpos.app.checkout.service.VoidService;
import org.tongpos.app.checkout.store.SaleDiscountStore;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.devices.domain.DeviceConfig;
import org.tongpos.app.devices.service.Devices;
import org.tongpos.app.devices.service.SaleDevices;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.journal.service.JournalVerifier;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.kitchen.store.KitchenStore;
import org.tongpos.app.kitchen.store.SalesPostingStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.LoginPolicy;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorServices;
import org.tongpos.app.promotions.service.Promotions;
import org.tongpos.app.promotions.store.PromotionStores;
import org.tongpos.app.reports.service.DemoHistory;
import org.tongpos.app.reports.service.Reports;
import org.tongpos.app.reports.store.BankReportStore;
import org.tongpos.app.reports.store.CanteenReportStore;
import org.tongpos.app.reports.store.HistoryWriter;
import org.tongpos.app.reports.store.SalesReportStore;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.service.SettingsService;
import org.tongpos.app.settings.store.SettingsStore;
import org.tongpos.app.shifts.service.ShiftReports;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.suspend.service.SuspendService;
import org.tongpos.app.suspend.store.SuspendedSaleStore;
import org.tongpos.app.returns.store.ReturnStore;
import org.tongpos.sync.payment.PaymentCodeService;
import org.tongpos.sync.payment.PaymentIntent;
import org.tongpos.app.shifts.service.ShiftService;
import org.tongpos.app.shifts.store.ShiftStore;
import org.tongpos.app.operators.store.AuditStore;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.WriteAheadLog;
import org.tongpos.hardware.DeviceFactory;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.sync.feed.FeedHooks;

/**
 * The composition root: opens the terminal's database in a data directory and wires every service by constructor.
 * The GUI and the CLI each build one and close it when they end. Opening does only what every use needs (the
 * database, the settings, the journal and the write-ahead log's recovery); the bank link, the devices and pinyin are
 * made on first use, and the catalog is read from the database until the window asks for it in memory
 * ({@link CatalogService#buildIndex()}), so that a command pays for what it uses.
 */
public final class Terminal implements AutoCloseable {

    private static final String SALES_LOG_FILE = "sales.wal";

    private final Database database;
    private final SettingsService settings;
    private PinyinInitials pinyin;
    private final CatalogService catalog;
    private final JournalStore journal;
    private final SaleStore sales;
    private final CheckoutService checkout;
    private BankConnection bank;
    private final OperatorServices operators;
    private final VoidService voids;
    private final ShiftService shifts;
    private final ReturnService returns;
    private final SuspendService suspended;
    private final Promotions promotions;
    private final Clock clock;
    private final MealStore meals;
    private final MealJournal mealJournal;
    private final MealRefundJournal refundJournal;
    private final LaneMovementStore laneMovements;
    private Reports reports;
    private CanteenServices canteen;
    private Devices devices;
    private SaleDevices saleDevices;

    private Terminal(Database database, Clock baseClock) {
        this.database = database;
        SettingsStore stored = new SettingsStore(database.dataSource());
        this.clock = baseClock.withZone(ZoneId.of(stored.get(SettingKey.TIME_ZONE)));
        this.catalog = new CatalogService(new ProductStore(database.dataSource()));
        String terminalId = stored.get(SettingKey.TERMINAL_ID);
        this.journal = new JournalStore(database.dataSource(), terminalId);
        this.settings = new SettingsService(stored, journal::lastSeq);
        ScanResolver resolver = new ScanResolver(catalog, ScaleBarcodeLayout.parse(settings.get(SettingKey.SCALE_LAYOUT)));
        this.operators = new OperatorServices(database, clock, new LoginPolicy(
                Integer.parseInt(settings.get(SettingKey.LOGIN_MAX_ATTEMPTS)),
                Duration.ofMinutes(Integer.parseInt(settings.get(SettingKey.LOGIN_LOCKOUT_MINUTES)))));
        this.meals = new MealStore(database.dataSource());
        // meals share the sales' journal writer and write-ahead log: one chain, replayed in seq order
        this.mealJournal = new MealJournal(meals, new QrNonceStore(database.dataSource()),
                new LocalDinerStore(database.dataSource(), name -> pinyin().of(name)),
                new ManualIdentificationStore(database.dataSource()), MealJournal.ManualAudit.into(operators.audit()));
        this.refundJournal = new MealRefundJournal(meals, new LocalDinerStore(database.dataSource(),
                name -> pinyin().of(name)), operators.audit());
        this.sales = new SaleStore(database, journal,
                WriteAheadLog.open(database.directory().resolve(SALES_LOG_FILE)), List.of(mealJournal, refundJournal));
        this.checkout = new CheckoutService(resolver, sales, clock, terminalId);
        checkout.useCashRounding(CashRounding.of(settings.get(SettingKey.CASH_ROUNDING)));
        this.voids = new VoidService(operators.audit(), Money.parseYuan(settings.get(SettingKey.VOID_APPROVAL_ABOVE)),
                Duration.ofMinutes(Integer.parseInt(settings.get(SettingKey.VOID_APPROVAL_AFTER_MINUTES))));
        this.shifts = new ShiftService(new ShiftStore(database.dataSource()), journal, operators.audit(),
                new AuditStore(database.dataSource()), new DurableTransaction(database), clock,
                () -> Money.parseYuan(settings.get(SettingKey.SHIFT_TOLERANCE)),
                new SaleDiscountStore(database.dataSource())::byPromotionBetween);
        this.returns = new ReturnService(new ReturnStore(database.dataSource()), journal, operators.audit(),
                new DurableTransaction(database), clock,
                () -> Money.parseYuan(settings.get(SettingKey.REFUND_APPROVAL_ABOVE)), this::codeRefunds);
        returns.useItemLookup(resolver::resolve);
        this.suspended = new SuspendService(new SuspendedSaleStore(database.dataSource()), catalog,
                new DurableTransaction(database), clock);
        this.promotions = new Promotions(PromotionStores.over(database), catalog, clock);
        checkout.usePromotions(promotions.pricing());
        promotions.promotions().useAudit(operators.audit());
        this.laneMovements = new LaneMovementStore(database.dataSource(), meals, terminalId, clock);
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

    /** The settings, with their rules (the CLI's {@code config set} and the screens go through it). */
    public SettingsService settings() {
        return settings;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public CheckoutService checkout() {
        return checkout;
    }

    /** Sales paid by the customer's payment code, through the bank (offline when no bank is configured). */
    public org.tongpos.app.checkout.service.CodePayments codePayments() {
        return new org.tongpos.app.checkout.service.CodePayments(checkout,
                () -> {
                    Optional<BankServices> services = bankServices();
                    services.ifPresent(s -> bank().awaitStartChecks(java.time.Duration.ofSeconds(30)));
                    return services.map(BankServices::payments);
                });
    }

    public JournalStore journal() {
        return journal;
    }

    /** Operators, log-in, supervisor approval and the audit log. */
    public OperatorServices operators() {
        return operators;
    }

    /** Voids at the till (remove a line, clear a sale), with supervisor approval above {@code void.approval-above}. */
    public VoidService voids() {
        return voids;
    }

    /** Shifts (交班) and the drawer: float, paid-in/out, X and Z reports (docs/till.md). */
    public ShiftService shifts() {
        return shifts;
    }

    /** X and Z reports in the terminal's language, for the printer, the screen and the command line. */
    public ShiftReports shiftReports() {
        return new ShiftReports(messages(), storeName());
    }

    /** Suspended sales (挂单), kept across restarts, re-priced when resumed (docs/till.md). */
    public SuspendService suspended() {
        return suspended;
    }

    /** Returns against the original receipt (docs/till.md). */
    public ReturnService returns() {
        return returns;
    }

    /**
     * Payment-code refunds through the bank's {@code /v1/refunds} (the sync module's refund service, which stores each
     * request before sending it); empty without a configured bank. A tender's reference is the bank's trade_no (or our
     * out_trade_no): the confirmed payment that carries it gives the out_trade_no refunded.
     */
    private Optional<ReturnService.CodeRefunds> codeRefunds() {
        return bankServices().map(services -> (outRefundNo, reference, amountFen, reason) -> {
            PaymentCodeService payments = services.payments();
            String outTradeNo = payments.confirmedIntents().stream()
                    .filter(i -> reference.equals(i.tradeNo()) || reference.equals(i.outTradeNo()))
                    .map(PaymentIntent::outTradeNo).findFirst().orElse(reference);
            return payments.refund(outRefundNo, outTradeNo, amountFen, reason).state().name();
        });
    }

    /** The command line acting with no {@code --operator}: recorded as {@code system}. */
    public Session systemSession() {
        return Session.commandLine(Session.SYSTEM, clock.instant());
    }

    /**
     * The link to the bank: offline unless bank.url and bank.key are set; see {@link BankConnection}. Made on first
     * use (reads the bank settings), like every part a command may not need.
     */
    public synchronized BankConnection bank() {
        if (bank == null) {
            bank = new BankConnection(BankSettings.from(settings), new BankStorage(database.dataSource()),
                    new JournalSourceAdapter(journal), clock, BankConnection.SYNC_PERIOD,
                    new FeedHooks(name -> pinyin().of(name), laneMovements));
        }
        return bank;
    }

    /** Promotions, members, bank offer caps and pricing (docs/promotions.md). */
    public Promotions promotions() {
        return promotions;
    }

    /**
     * The canteen: meal rules, diners (local and the bank's replica), identification and meal decisions. Built on first
     * use; with a bank configured, that also builds the bank's services (see {@link BankConnection#services()}).
     */
    public synchronized CanteenServices canteen() {
        if (canteen == null) {
            CanteenServices.BankSide bankSide = new CanteenServices.BankSide(
                    () -> bankServices().map(s -> s.accounts().replica()),
                    () -> bankServices().flatMap(s -> s.accounts().lastPulledAt()),
                    () -> bankServices().map(BankServices::keys));
            canteen = new CanteenServices(CanteenStores.over(database.dataSource(), pinyin()::of, meals, laneMovements),
                    bankSide, RuleChangeListener.into(operators.audit()), sales, mealJournal, refundJournal, clock);
        }
        return canteen;
    }

    /** The bank's services, or empty when no bank is configured or its settings are unusable. */
    private Optional<BankServices> bankServices() {
        try {
            return bank().services();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The owner's and the inspector's reports (read-only); see docs/reports.md. */
    public synchronized Reports reports() {
        if (reports == null) {
            SalesReportStore sales = new SalesReportStore(database.dataSource());
            CanteenReportStore canteen = new CanteenReportStore(database.dataSource());
            reports = new Reports(sales, canteen, new BankReportStore(database.dataSource()),
                    new org.tongpos.app.reports.store.SalesSummaryStore(database.dataSource(), sales),
                    new org.tongpos.app.reports.store.CanteenSummaryStore(database.dataSource(), canteen),
                    new org.tongpos.app.reports.store.TillReportStore(database.dataSource()),
                    () -> java.time.LocalDate.now(clock));
        }
        return reports;
    }

    /** Kitchen stock and the cost per meal (docs/reports.md). */
    public KitchenStock kitchen() {
        return new KitchenStock(new KitchenStore(database.dataSource()), new SalesPostingStore(), operators().audit(),
                new DurableTransaction(database), clock);
    }

    /** Writes a generated sales history into an empty journal ({@code demo-data --history}). */
    public DemoHistory demoHistory() {
        // taken here: the days are summarised on a thread of the history's own
        Reports summaries = reports();
        Session session = systemSession();
        return new DemoHistory(() -> HistoryWriter.open(database.dataSource(), journal.terminalId()), clock.getZone(),
                day -> summaries.summariseWritten(session, day));
    }

    /** Backups of this terminal: create, and the state a restore is checked against (docs/operations.md). */
    public Backups backups() {
        return new Backups(new BackupStore(database.dataSource(), journal), sales, clock, this::storeName, () -> {
            String folder = settings.get(SettingKey.BACKUP_FOLDER);
            return folder.isEmpty() ? Database.upgradeBackups(database.directory()) : Path.of(folder);
        });
    }

    /** The window's daily backup ({@code backup.daily}, {@code backup.folder}, {@code backup.keep}). */
    public BackupSchedule backupSchedule() {
        return new BackupSchedule(backups(), clock, () -> Boolean.parseBoolean(settings.get(SettingKey.BACKUP_DAILY)),
                () -> Integer.parseInt(settings.get(SettingKey.BACKUP_KEEP)));
    }

    public JournalVerifier journalVerifier() {
        return new JournalVerifier(journal);
    }

    public CatalogCsvReader catalogCsvReader() {
        return new CatalogCsvReader(pinyin());
    }

    public DemoCatalog demoCatalog() {
        return new DemoCatalog(pinyin());
    }

    private synchronized PinyinInitials pinyin() {
        if (pinyin == null) {
            pinyin = new PinyinInitials();
        }
        return pinyin;
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
        BankConnection openBank;
        synchronized (this) {
            if (saleDevices != null) {
                saleDevices.close();
            }
            if (devices != null) {
                devices.close();
            }
            openBank = bank;
        }
        if (openBank != null) {
            openBank.close();
        }
        sales.close();
        database.close();
    }
}
