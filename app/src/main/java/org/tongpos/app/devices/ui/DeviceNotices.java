package org.tongpos.app.devices.ui;

import java.util.Optional;
import org.tongpos.app.devices.service.DeviceReasonText;
import org.tongpos.app.ui.Notice;
import org.tongpos.hardware.device.DeviceReason;

/** Notices about devices for the screens, in the words of {@link DeviceReasonText}. */
final class DeviceNotices {

    private DeviceNotices() {
    }

    /**
     * A notice saying {@code framingKey} (a pattern with the reason as its one placeholder) for the reason. A notice
     * argument can be a bundle key but not a key with arguments, so a reason with arguments (an address, a port) is
     * the notice by itself.
     */
    static Notice error(String framingKey, DeviceReason reason) {
        Optional<String> key = DeviceReasonText.key(reason.code());
        if (key.isEmpty()) {
            return Notice.error(framingKey, reason.text());
        }
        if (reason.args().isEmpty()) {
            return Notice.error(framingKey, new Notice.Key(key.get()));
        }
        return Notice.error(key.get(), reason.args().toArray());
    }
}
