package org.tongpos.hardware.scale;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.link.ByteLink;
import org.tongpos.hardware.link.FrameReader;

/**
 * A scale in continuous-output mode on a serial line, speaking the {@link StGsFrameParser} format. The latest frame
 * is kept; {@link #stableWeight()} takes it only if it is stable, positive and younger than {@code maxAge}.
 * Frames that cannot be read put the scale in error and clear the reading until a good frame comes.
 */
public final class SerialScale extends ReportingDevice implements Scale {

    private static final int MAX_FRAME = 64;

    private final Clock clock;
    private final Duration maxAge;
    private final StGsFrameParser parser = new StGsFrameParser();
    private final FrameReader reader;
    private volatile WeightReading latest;

    public SerialScale(ByteLink link, Clock clock, Duration maxAge, Backoff backoff) {
        super("scale " + link.description(), clock);
        this.clock = clock;
        this.maxAge = maxAge;
        this.reader = new FrameReader(link, new byte[] {'\n'}, MAX_FRAME, this::frame, reporter, backoff);
    }

    private void frame(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (text.isEmpty()) {
            return;
        }
        try {
            latest = parser.parse(text, clock.instant());
            reporter.connected();
        } catch (ScaleFormatException e) {
            latest = null;
            reporter.error(DeviceReason.of(Code.SCALE_UNREADABLE, e.getMessage()));
        }
    }

    @Override
    public WeighResult stableWeight() {
        WeightReading reading = latest;
        DeviceStatus status = reporter.current();
        if (reading == null) {
            if (status.state() == DeviceState.ERROR) {
                return new WeighResult.Refused(WeighResult.Reason.DEVICE_ERROR, status.cause());
            }
            return new WeighResult.Refused(WeighResult.Reason.NO_READING, DeviceReason.of(Code.SCALE_NO_READING));
        }
        if (Duration.between(reading.at(), clock.instant()).compareTo(maxAge) > 0) {
            return new WeighResult.Refused(WeighResult.Reason.STALE, DeviceReason.of(Code.SCALE_STALE));
        }
        return reading.toWeighResult();
    }

    @Override
    public Optional<WeightReading> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public void start() {
        reader.start();
    }

    @Override
    public void close() {
        reader.close();
    }
}
