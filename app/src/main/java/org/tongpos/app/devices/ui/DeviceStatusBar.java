package org.tongpos.app.devices.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.devices.service.DeviceReasonText;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.hardware.printer.PrintJob;

/** The status bar items for the devices: "printer ●", "scanner ●"… in colour, and a failed receipt with its buttons. */
final class DeviceStatusBar {

    private DeviceStatusBar() {
    }

    static List<Node> items(DeviceStatusBarViewModel vm, Messages messages, Subscriptions subscriptions) {
        List<Node> items = new ArrayList<>();
        for (DeviceKind kind : DeviceStatusBarViewModel.SHOWN) {
            HealthLabel state = new HealthLabel(vm.health(kind), messages, false, subscriptions);
            Label name = new Label(messages.get(DeviceSettingsView.nameKey(kind)));
            HBox item = new HBox(4, name, state);
            item.setId("status-device-" + kind.id());
            item.setAlignment(Pos.CENTER_LEFT);
            items.add(item);
        }
        Label failed = new Label();
        failed.setId("status-print-failed");
        failed.setStyle("-fx-text-fill: " + HealthLabel.DOWN + ";");
        failed.textProperty().bind(Bindings.createStringBinding(() -> {
            PrintJob job = vm.receiptJob().get();
            return job == null ? ""
                    : messages.get("devices.print.failed", job.id(), DeviceReasonText.text(job.cause(), messages));
        }, vm.receiptJob()));
        Button retry = new Button(messages.get("devices.print.retry"));
        retry.setId("status-print-retry");
        retry.setFocusTraversable(false);
        retry.setOnAction(e -> vm.retry());
        Button reprint = new Button(messages.get("devices.print.reprint"));
        reprint.setId("status-print-reprint");
        reprint.setFocusTraversable(false);
        reprint.setOnAction(e -> vm.reprint());
        HBox printFailure = new HBox(6, failed, retry, reprint);
        printFailure.setAlignment(Pos.CENTER_LEFT);
        printFailure.visibleProperty().bind(vm.receiptFailed());
        printFailure.managedProperty().bind(vm.receiptFailed());
        items.add(printFailure);
        return items;
    }
}
