package org.tongpos.hardware.sim;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.face.FaceEvent;
import org.tongpos.hardware.face.FaceEventListener;
import org.tongpos.hardware.face.FaceTerminal;

/** A face terminal driven by hand: "recognise" an employee number. */
public final class SimulatedFaceTerminal extends ReportingDevice implements FaceTerminal {

    private final Clock clock;
    private final List<FaceEventListener> listeners = new CopyOnWriteArrayList<>();

    public SimulatedFaceTerminal(Clock clock) {
        super("simulated face terminal", clock);
        this.clock = clock;
    }

    public void recognise(String employeeNo) {
        FaceEvent event = new FaceEvent.PersonRecognised("simulated face terminal", employeeNo, clock.instant(), "face");
        for (FaceEventListener listener : listeners) {
            listener.faceEvent(event);
        }
    }

    @Override
    public void addListener(FaceEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        reporter.connected();
    }

    @Override
    public void close() {
        reporter.closed();
    }
}
