package org.tongpos.hardware.scale;

import java.util.Optional;
import org.tongpos.hardware.device.Device;

/** A weighing scale. */
public interface Scale extends Device {

    /** The stable, positive, fresh weight for a weighed line, or why there is none. Never blocks. */
    WeighResult stableWeight();

    Optional<WeightReading> latest();

    void start();
}
