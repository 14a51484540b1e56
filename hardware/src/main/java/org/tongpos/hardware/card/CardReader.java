package org.tongpos.hardware.card;

import org.tongpos.hardware.device.Device;

/** A card reader that reports cards as they come and go. */
public interface CardReader extends Device {

    void addCardListener(CardListener listener);

    void start();
}
