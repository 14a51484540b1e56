package org.tongpos.hardware.card;

import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;

/** A card reader that reports cards as they come and go. */
public interface CardReader extends AutoCloseable {

    void addCardListener(CardListener listener);

    void addStatusListener(DeviceStatusListener listener);

    DeviceStatus status();

    void start();

    @Override
    void close();
}
