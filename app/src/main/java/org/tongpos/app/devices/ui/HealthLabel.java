package org.tongpos.app.devices.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import org.tongpos.app.devices.domain.DeviceHealth;
import org.tongpos.app.devices.service.DeviceReasonText;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Subscriptions;

/**
 * A device's health as a coloured dot and a word: green working, amber busy, red down (with the reason as tooltip
 * text and after the word), grey not configured.
 */
final class HealthLabel extends Label {

    static final String OK = "#1b7f3b";
    static final String BUSY = "#b26a00";
    static final String DOWN = "#c62828";
    static final String NONE = "#757575";

    HealthLabel(ObservableValue<DeviceHealth> health, Messages messages, boolean withReason,
                Subscriptions subscriptions) {
        getStyleClass().add("device-health");
        show(health.getValue(), messages, withReason);
        subscriptions.onChange(health, (obs, old, now) -> show(now, messages, withReason));
    }

    private void show(DeviceHealth health, Messages messages, boolean withReason) {
        if (health == null) {
            return;
        }
        String state = stateText(health, messages);
        String reason = DeviceReasonText.text(health.cause(), messages);
        setText("● " + state + (withReason && !reason.isEmpty() && health.needsAttention() ? " – " + reason : ""));
        setStyle("-fx-text-fill: " + colour(health) + ";");
        setAccessibleText(state + " " + reason);
        setTooltip(reason.isEmpty() ? null : new javafx.scene.control.Tooltip(reason));
    }

    static String colour(DeviceHealth health) {
        if (!health.configured()) {
            return NONE;
        }
        return switch (health.state()) {
            case CONNECTED -> OK;
            case BUSY -> BUSY;
            case DISCONNECTED, ERROR -> DOWN;
        };
    }

    static String stateText(DeviceHealth health, Messages messages) {
        if (!health.configured()) {
            return messages.get("devices.state.none");
        }
        return switch (health.state()) {
            case CONNECTED -> messages.get("devices.state.connected");
            case BUSY -> messages.get("devices.state.busy");
            case DISCONNECTED -> messages.get("devices.state.disconnected");
            case ERROR -> messages.get("devices.state.error");
        };
    }
}
