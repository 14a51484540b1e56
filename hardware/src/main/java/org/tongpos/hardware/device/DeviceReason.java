package org.tongpos.hardware.device;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a device is in its state, for a program: a {@link Code} with its arguments (an address, a port, a number), and
 * the same in English words for the logs. The app shows the code in the user's language; the English text is only
 * its fallback for {@link Code#OTHER}, a reason no code describes.
 */
public record DeviceReason(Code code, List<String> args, String text) {

    /** What went wrong (or what is going on), each with its English wording; {@code {n}} is the n-th argument. */
    public enum Code {
        NONE(""),
        /** A reason without a code; its only argument is the English text. */
        OTHER("{0}"),
        NOT_STARTED("not started"),
        CLOSED("closed"),

        CONNECTION_REFUSED("cannot connect to {0}: connection refused"),
        CONNECT_TIMEOUT("no answer from {0} within {1} ms"),
        CONNECT_FAILED("cannot connect to {0}: {1}"),
        WRITE_TIMEOUT("{0} did not accept data within {1} ms"),
        WRITE_FAILED("{0} write failed: {1}"),
        CONNECTION_LOST("lost the connection to {0}"),
        NOT_OPEN("{0} is not open"),
        SERIAL_PORT_MISSING("serial port {0} does not exist (unplugged?)"),
        SERIAL_PORT_CANNOT_OPEN("cannot open serial port {0} (error {1})"),
        FILE_CANNOT_OPEN("cannot open {0}: {1}"),
        GARBAGE_ON_LINE("garbage on the line: more than {0} bytes without a terminator (check baud rate and suffix)"),

        PRINTING("printing"),
        PAPER_OUT("paper out"),
        PAPER_NEAR_END("paper near end"),
        COVER_OPEN("cover open"),
        PRINTER_FAULT("printer error (cutter jam or overheating)"),
        PRINTER_OFFLINE("printer offline"),
        PRINTER_SILENT("printer does not answer"),
        PRINT_RETRY("retry"),
        PRINT_REPRINT("reprint"),
        PRINT_QUEUE_STOPPED("print queue stopped"),
        PRINT_JOB_INVALID("the job is not valid ESC/POS: {0}"),

        SCALE_NO_READING("no reading from the scale yet"),
        SCALE_STALE("the scale stopped sending weights"),
        SCALE_UNSTABLE("weight is not stable yet"),
        SCALE_NEGATIVE("weight is below zero: re-zero the scale"),
        SCALE_ZERO("nothing on the scale"),
        SCALE_OVERLOAD("too heavy for the scale"),
        SCALE_UNREADABLE("unreadable data from the scale: {0}"),

        /** The PC/SC card reader still reports these as text; the app recognises the text. */
        CARD_READER_NONE("no card reader"),
        CARD_READER_MISSING("no card reader named {0}"),
        PCSC_SERVICE_STOPPED("the PC/SC service (pcscd) is not running"),
        PCSC_SERVICE_RESTARTED("PC/SC service restarted: restart TongPOS"),
        PCSC_UNAVAILABLE("PC/SC is not available in this Java runtime"),

        FACE_WAITING("waiting for a terminal"),
        FACE_SILENT("no terminal has called in for {0} s"),
        FACE_PORT_IN_USE("cannot listen on port {0}: {1}"),
        FACE_UNREACHABLE("cannot reach the terminal at {0} (connection refused)"),
        FACE_CONNECT_TIMEOUT("no answer from the terminal at {0} (connect timeout)"),
        FACE_AUTH_REFUSED("terminal refused the user name or password"),
        FACE_AUTH_UNSUPPORTED("terminal asks for unsupported authentication: {0}"),
        FACE_HTTP_STATUS("terminal answered HTTP {0}"),
        FACE_STREAM_CLOSED("the terminal closed the event stream"),
        FACE_NO_HEARTBEAT("no heartbeat from the terminal for {0} s");

        private final String english;

        Code(String english) {
            this.english = english;
        }

        /** The English wording, a {@link MessageFormat} pattern over the arguments. */
        public String english() {
            return english;
        }
    }

    public static final DeviceReason NONE = new DeviceReason(Code.NONE, List.of(), "");

    public DeviceReason {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        text = text == null ? "" : text;
    }

    /** The reason {@code code} with these arguments, worded in English by the code. */
    public static DeviceReason of(Code code, Object... args) {
        List<String> strings = Arrays.stream(args).map(String::valueOf).toList();
        String english = new MessageFormat(code.english(), Locale.ROOT).format(strings.toArray());
        return new DeviceReason(code, strings, english);
    }

    /** A reason only words describe; blank words mean no reason at all. */
    public static DeviceReason other(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return new DeviceReason(Code.OTHER, List.of(text), text);
    }

    /**
     * Why {@code failure} happened: the reason a {@link DeviceIOException} in its cause chain carries, else its
     * message, else {@code fallback}.
     */
    public static DeviceReason from(Throwable failure, String fallback) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeviceIOException device) {
                return device.reason();
            }
        }
        return other(failure.getMessage() != null && !failure.getMessage().isBlank() ? failure.getMessage() : fallback);
    }

    public boolean isNone() {
        return code == Code.NONE;
    }

    @Override
    public String toString() {
        return text;
    }
}
