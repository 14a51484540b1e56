package org.tongpos.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.Region;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.ui.CashierKeyboard;
import org.tongpos.app.checkout.ui.CashierView;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.checkout.ui.StatusBarViewModel;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.service.OperatorSetup;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorGate;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.ui.SettingsView;
import org.tongpos.app.settings.ui.SettingsViewModel;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillExtension;
import org.tongpos.app.ui.UiFonts;
import org.tongpos.hardware.scanner.WedgeScanDetector;

/**
 * The terminal's window content: one scene holding the cashier screen, its scanner-aware keyboard path and its
 * dialogs. Saving settings rebuilds the view in the new language with the new keys at once, keeping the sale; the
 * extensions get their commands' new keys before the screen is drawn again. The first extension is always the
 * {@link OperatorGate}: nobody works the till without logging in, and the logged-in operator's session goes with every
 * service call.
 */
public final class CashierWindow {

    static final String STYLESHEET = "/org/tongpos/app/ui/tongpos.css";

    private final Terminal terminal;
    private final StartupState state;
    private final TaskRunner tasks;
    private final OperatorGate gate;
    private final CashierViewModel viewModel;
    private final StatusBarViewModel status;
    private final CashierKeyboard keyboard;
    private final String sansFamily = UiFonts.sansFamily();
    private final String monoFamily = UiFonts.monoFamily();
    private final List<TillExtension> extensions = new ArrayList<>();
    private UiSettings settings;
    private CashierView view;
    private Scene scene;

    CashierWindow(Terminal terminal, StartupState state, TaskRunner tasks) {
        this.terminal = terminal;
        this.state = state;
        this.tasks = tasks;
        this.settings = state.settings();
        this.gate = new OperatorGate(terminal.operators().login(), tasks, terminal.clock(), state.idleLock(),
                settings.commandKeyBindings().get(OperatorGate.LOCK.settingName()), KeyBindings::label,
                state.station().storeName(), state.automatic(), state.loginNotice().orElse(null));
        ApprovalViewModel approvals = new ApprovalViewModel(terminal.operators().approvals(), tasks,
                terminal.clock().getZone());
        this.viewModel = new CashierViewModel(terminal.checkout(), terminal.catalog(), tasks, gate::current,
                terminal.voids(), approvals);
        viewModel.useClock(terminal.clock());
        viewModel.useCodePayments(new org.tongpos.app.checkout.ui.CodeTill(terminal.codePayments(),
                javafx.application.Platform::runLater));
        viewModel.promotions().useMembers(terminal.promotions().members()::find);
        this.status = new StatusBarViewModel(terminal.clock());
        WedgeScanDetector wedge = new WedgeScanDetector(terminal.clock());
        wedge.addScanListener(scan -> route(scan.code()));
        wedge.start();
        this.keyboard = new CashierKeyboard(wedge, System::nanoTime);
        addExtension(gate);
    }

    /**
     * A window for a terminal. Reads the screen settings from the database: call it off the FX thread in the
     * application (tests may call it anywhere).
     */
    public static CashierWindow load(Terminal terminal, TaskRunner tasks) {
        return new CashierWindow(terminal, StartupState.load(terminal), tasks);
    }

    /** A scan from a device other than the keyboard (a serial scanner): into the sale unless another screen shows. */
    public void scanned(String code) {
        route(code);
    }

    /** A scan goes to the extension that takes it (the serving line in front), else to the sale if the till shows. */
    private void route(String code) {
        for (TillExtension extension : extensions) {
            if (extension.takeScan(code)) {
                return;
            }
        }
        if (extensions.stream().noneMatch(TillExtension::isShowing)) {
            viewModel.scanned(code);
        }
    }

    /** Adds a feature's status items, keys and screens; call before {@link #createScene}. */
    public void addExtension(TillExtension extension) {
        extensions.add(extension);
        extension.useKeys(settings.commandKeyBindings());
        extension.setOnClosed(() -> {
            if (extensions.stream().noneMatch(TillExtension::isShowing)) {
                view.codeField().requestFocus();
            }
        });
    }

    /** Builds the scene (on the FX thread). */
    public Scene createScene(double width, double height) {
        view = buildView();
        scene = new Scene(view.root(), width, height);
        scene.getStylesheets().add(CashierWindow.class.getResource(STYLESHEET).toExternalForm());
        keyboard.install(scene);
        wireKeyboard();
        extensions.forEach(extension -> extension.tillDrawn(scene, settings.messages()));
        gate.attach(scene, settings.messages());
        return scene;
    }

    /** Who is at the till: log-in, lock screen, the session of every service call. */
    public OperatorGate operatorGate() {
        return gate;
    }

    /** Records the end of the session when the window closes (database work: call it off the FX thread). */
    public void endSession() {
        gate.logOut();
    }

    public CashierViewModel viewModel() {
        return viewModel;
    }

    public CashierView view() {
        return view;
    }

    public String title() {
        return settings.messages().get("app.title");
    }

    private CashierView buildView() {
        Messages messages = settings.messages();
        String hint = state.demoHint().map(h -> {
            String goods = messages.get("checkout.hint.demo", h.barcode(), h.barcodeName(), h.plu(), h.pluName());
            return h.demoOperators() ? goods + "\n" + demoOperatorsHint(messages) : goods;
        }).orElse(null);
        List<Node> statusItems = new ArrayList<>();
        extensions.forEach(extension -> statusItems.addAll(extension.statusItems(messages)));
        boolean reprintByKey = extensions.stream().flatMap(extension -> extension.commands().stream())
                .anyMatch(command -> command.settingName().equals(SettingKey.KEY_REPRINT.key()));
        String reprintKey = reprintByKey
                ? KeyBindings.label(settings.commandKeyBindings().get(SettingKey.KEY_REPRINT.key())) : null;
        List<Node> actionButtons = new ArrayList<>();
        extensions.forEach(extension -> actionButtons.addAll(extension.actionButtons(messages)));
        CashierView built = new CashierView(viewModel, messages, settings.keyBindings(), state.station(), status,
                state.catalogSize(), new CashierView.Extras(hint, this::settingsDialog, statusItems, reprintKey,
                actionButtons), monoFamily);
        built.root().setStyle("-fx-font-family: '" + sansFamily + "';");
        return built;
    }

    /** The demo operators with their documented PINs, and how to change who is logged in. */
    private String demoOperatorsHint(Messages messages) {
        StringBuilder list = new StringBuilder();
        for (OperatorSetup.DemoOperator demo : OperatorSetup.DEMO) {
            if (list.length() > 0) {
                list.append(messages.get("checkout.hint.listSeparator"));
            }
            list.append(messages.get("checkout.hint.demoOperator", messages.get(demo.role().messageKey()),
                    demo.number(), demo.pin()));
        }
        String lockKey = KeyBindings.label(settings.commandKeyBindings().get(OperatorGate.LOCK.settingName()));
        return messages.get("checkout.hint.demoOperators", list, messages.get(Role.CASHIER.messageKey()),
                OperatorSetup.DEMO_CASHIER, lockKey);
    }

    private void wireKeyboard() {
        keyboard.setHotkeys(event -> {
            for (TillExtension extension : extensions) {
                Optional<Boolean> used = extension.handleKey(event, scene, settings.messages());
                if (used.isPresent()) {
                    return used.get();
                }
            }
            return view.handleHotkey(event);
        });
        keyboard.setTypingFallback(() -> extensions.stream().anyMatch(TillExtension::isShowing)
                ? null : view.typingFallback());
    }

    private Region settingsDialog() {
        List<TillCommand> commands = new ArrayList<>();
        extensions.forEach(extension -> commands.addAll(extension.commands()));
        SettingsViewModel vm = new SettingsViewModel(settings, commands, terminal.settings(), tasks, this::apply);
        return new SettingsView(vm, settings.messages(), settings.keyBindings(), viewModel::settingsClosed).root();
    }

    /** New settings are saved: draw the screen again in their language with their keys. */
    private void apply(UiSettings saved) {
        settings = saved;
        viewModel.settingsClosed();
        Map<String, KeyCodeCombination> commandKeys = settings.commandKeyBindings();
        extensions.forEach(extension -> extension.useKeys(commandKeys));
        CashierView old = view;
        view = buildView();
        scene.setRoot(view.root());
        wireKeyboard();
        old.dispose();
        extensions.forEach(extension -> extension.tillDrawn(scene, settings.messages()));
        Optional.ofNullable(scene.getWindow()).ifPresent(w -> {
            if (w instanceof javafx.stage.Stage stage) {
                stage.setTitle(title());
            }
        });
        view.codeField().requestFocus();
    }
}
