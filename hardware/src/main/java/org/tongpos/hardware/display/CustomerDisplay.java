package org.tongpos.hardware.display;

import org.tongpos.hardware.device.Device;

/** The display facing the customer. Calls do I/O: run them off the UI thread. Failures show in the status. */
public interface CustomerDisplay extends Device {

    void showItem(String name, long priceFen);

    void showTotal(long totalFen);

    void showPayment(long paidFen, long changeFen);

    void showLines(String upper, String lower);

    void clear();
}
