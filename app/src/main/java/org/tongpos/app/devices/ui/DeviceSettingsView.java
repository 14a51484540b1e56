package org.tongpos.app.devices.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;

/**
 * The device screen, built in code: one row per device with its address, baud rate (serial devices), live state and
 * test button; the scanner's suffix, the receipt paper and the drawer below. Enter in a field saves; every decision
 * is the {@link DeviceSettingsViewModel}'s.
 */
public final class DeviceSettingsView {

    private final VBox root;
    private final Subscriptions subscriptions = new Subscriptions();

    /** @param screenKey the key that opens and closes the screen, as shown in its title */
    public DeviceSettingsView(DeviceSettingsViewModel vm, Messages messages, String screenKey, Runnable close) {
        Label hint = new Label(messages.get("devices.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        NoticeLabel notice = new NoticeLabel(vm.notice(), messages, subscriptions);
        notice.setId("devices-notice");
        notice.setWrapText(true);
        Label title = new Label(messages.get("devices.title", screenKey));
        title.getStyleClass().add("dialog-title");
        root = new VBox(12, title, devicesGrid(vm, messages), paperAndDrawer(vm, messages), faceAndDisplay(vm, messages),
                hint, notice, buttons(vm, messages, close));
        root.setId("device-settings");
        root.setAlignment(Pos.TOP_LEFT);
        root.setPrefWidth(1000);
    }

    /** A row per device: name, address, baud rate (serial devices only), live state, test button. */
    private GridPane devicesGrid(DeviceSettingsViewModel vm, Messages messages) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, header(messages.get("devices.column.device")), header(messages.get("devices.column.address")),
                header(messages.get("devices.column.baud")), header(messages.get("devices.column.state")), new Label());
        int row = 1;
        for (DeviceKind kind : DeviceKind.values()) {
            TextField address = addressField(vm, messages, kind);
            if (row == 1) {
                address.getStyleClass().add("settings-first");
            }
            HealthLabel state = new HealthLabel(vm.health(kind), messages, true, subscriptions);
            state.setId("device-state-" + kind.id());
            state.setMaxWidth(320);
            grid.addRow(row++, new Label(messages.get(nameKey(kind))), address, baudField(vm, kind), state,
                    testButton(vm, messages, kind));
        }
        return grid;
    }

    private static TextField addressField(DeviceSettingsViewModel vm, Messages messages, DeviceKind kind) {
        TextField address = new TextField();
        address.setId("device-address-" + kind.id());
        address.setPrefColumnCount(24);
        address.textProperty().bindBidirectional(vm.address(kind));
        address.setPromptText(messages.get("devices.address.none"));
        address.setOnAction(e -> vm.save());
        return address;
    }

    private static TextField baudField(DeviceSettingsViewModel vm, DeviceKind kind) {
        TextField baud = new TextField();
        baud.setId("device-baud-" + kind.id());
        baud.setPrefColumnCount(6);
        baud.setPromptText("9600");
        baud.textProperty().bindBidirectional(vm.baud(kind));
        baud.setDisable(!kind.mayBeSerial());
        baud.setOnAction(e -> vm.save());
        return baud;
    }

    /** The scanner's line end, the receipt paper and columns, the cash drawer. */
    private static HBox paperAndDrawer(DeviceSettingsViewModel vm, Messages messages) {
        ChoiceBox<String> suffix = choice("device-suffix", vm.suffix().get(), "", "CR", "LF", "CRLF");
        suffix.valueProperty().bindBidirectional(vm.suffix());
        ChoiceBox<String> paper = choice("device-paper", vm.paper().get(), "58", "80");
        paper.valueProperty().bindBidirectional(vm.paper());
        ChoiceBox<String> columns = choice("device-columns", vm.columns().get(), "32", "42", "48");
        columns.valueProperty().bindBidirectional(vm.columns());
        CheckBox drawer = new CheckBox(messages.get("devices.drawer"));
        drawer.setId("device-drawer");
        drawer.selectedProperty().bindBidirectional(vm.drawer());
        HBox options = new HBox(10, new Label(messages.get("devices.suffix")), suffix,
                new Label(messages.get("devices.paper")), paper, new Label(messages.get("devices.columns")), columns,
                drawer);
        options.setAlignment(Pos.CENTER_LEFT);
        return options;
    }

    /** The face terminal's password and the text the display test shows. */
    private static HBox faceAndDisplay(DeviceSettingsViewModel vm, Messages messages) {
        PasswordField facePassword = new PasswordField();
        facePassword.setId("device-face-password");
        facePassword.textProperty().bindBidirectional(vm.facePassword());
        facePassword.setPrefColumnCount(10);
        TextField displayText = new TextField();
        displayText.setId("device-display-text");
        displayText.setPromptText(messages.get("devices.test.displayPrompt"));
        displayText.textProperty().bindBidirectional(vm.displayText());
        displayText.setPrefColumnCount(20);
        HBox more = new HBox(10, new Label(messages.get("devices.facePassword")), facePassword,
                new Label(messages.get("devices.test.displayText")), displayText);
        more.setAlignment(Pos.CENTER_LEFT);
        return more;
    }

    private HBox buttons(DeviceSettingsViewModel vm, Messages messages, Runnable close) {
        Button save = button(messages.get("checkout.action.keyed", "Enter", messages.get("settings.save")), vm::save);
        save.setId("devices-save");
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.working());
        Button cancel = button(messages.get("checkout.action.keyed", "Esc", messages.get("common.close")), () -> {
            vm.dispose();
            subscriptions.cancelAll();
            close.run();
        });
        return new HBox(12, save, cancel);
    }

    public Region root() {
        return root;
    }

    /** Stops following the devices (the dialog closed some other way, e.g. Esc). */
    public void dispose() {
        subscriptions.cancelAll();
    }

    /** The bundle key of a device's name. */
    static String nameKey(DeviceKind kind) {
        return switch (kind) {
            case PRINTER -> "devices.name.printer";
            case SCANNER -> "devices.name.scanner";
            case DISPLAY -> "devices.name.display";
            case SCALE -> "devices.name.scale";
            case CARD_READER -> "devices.name.cardReader";
            case FACE_TERMINAL -> "devices.name.face";
        };
    }

    private static Region testButton(DeviceSettingsViewModel vm, Messages messages, DeviceKind kind) {
        return switch (kind) {
            case PRINTER -> {
                Button print = button(messages.get("devices.test.print"), vm::printTestPage);
                print.setId("device-test-print");
                Button drawer = button(messages.get("devices.test.drawer"), vm::openDrawer);
                drawer.setId("device-test-drawer");
                yield new HBox(8, print, drawer);
            }
            case DISPLAY -> withId(button(messages.get("devices.test.display"), vm::showOnDisplay), "device-test-display");
            case SCALE -> withId(button(messages.get("devices.test.scale"), vm::readScale), "device-test-scale");
            case CARD_READER -> withId(button(messages.get("devices.test.card"), vm::readCard), "device-test-card");
            case SCANNER -> new Label(messages.get("devices.test.scanHint"));
            case FACE_TERMINAL -> new Label();
        };
    }

    private static Button withId(Button button, String id) {
        button.setId(id);
        return button;
    }

    private static Button button(String text, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("action-button");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static ChoiceBox<String> choice(String id, String current, String... values) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.getItems().addAll(values);
        if (!box.getItems().contains(current)) {
            box.getItems().add(current);
        }
        box.setValue(current);
        box.setId(id);
        return box;
    }
}
