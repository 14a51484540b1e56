package org.tongpos.hardware.scale;

import java.util.Optional;
import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;

/** A weighing scale. */
public interface Scale extends AutoCloseable {

    /** The stable, positive, fresh weight for a weighed line, or why there is none. Never blocks. */
    WeighResult stableWeight();

    Optional<WeightReading> latest();

    DeviceStatus status();

    void addStatusListener(DeviceStatusListener listener);

    void start();

    @Override
    void close();
}
