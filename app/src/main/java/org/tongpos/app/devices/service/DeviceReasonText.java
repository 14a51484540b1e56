package org.tongpos.app.devices.service;

import java.util.Optional;
import org.tongpos.app.i18n.Messages;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/**
 * A device's reason in the user's language: every {@link Code} has its bundle key ({@code devices.reason.*}) with the
 * code's arguments as placeholders; a reason without a code keeps the English words it came with.
 */
public final class DeviceReasonText {

    private DeviceReasonText() {
    }

    /** The reason to show; empty only for {@link DeviceReason#NONE}. */
    public static String text(DeviceReason reason, Messages messages) {
        return key(reason.code()).map(key -> messages.get(key, reason.args().toArray())).orElse(reason.text());
    }

    /** The bundle key of a reason code, or empty for a code without one ({@code NONE}, {@code OTHER}). */
    public static Optional<String> key(Code code) {
        return Optional.ofNullable(switch (code) {
            case NONE, OTHER -> null;
            case NOT_STARTED -> "devices.reason.notStarted";
            case CLOSED -> "devices.reason.closed";
            case CONNECTION_REFUSED -> "devices.reason.connectionRefused";
            case CONNECT_TIMEOUT -> "devices.reason.connectTimeout";
            case CONNECT_FAILED -> "devices.reason.connectFailed";
            case WRITE_TIMEOUT -> "devices.reason.writeTimeout";
            case WRITE_FAILED -> "devices.reason.writeFailed";
            case CONNECTION_LOST -> "devices.reason.connectionLost";
            case NOT_OPEN -> "devices.reason.notOpen";
            case SERIAL_PORT_MISSING -> "devices.reason.serialPortMissing";
            case SERIAL_PORT_CANNOT_OPEN -> "devices.reason.serialPortCannotOpen";
            case FILE_CANNOT_OPEN -> "devices.reason.fileCannotOpen";
            case GARBAGE_ON_LINE -> "devices.reason.garbageOnLine";
            case PRINTING -> "devices.reason.printing";
            case PAPER_OUT -> "devices.reason.paperOut";
            case PAPER_NEAR_END -> "devices.reason.paperNearEnd";
            case COVER_OPEN -> "devices.reason.coverOpen";
            case PRINTER_FAULT -> "devices.reason.printerFault";
            case PRINTER_OFFLINE -> "devices.reason.printerOffline";
            case PRINTER_SILENT -> "devices.reason.printerSilent";
            case PRINT_RETRY -> "devices.reason.printRetry";
            case PRINT_REPRINT -> "devices.reason.printReprint";
            case PRINT_QUEUE_STOPPED -> "devices.reason.printQueueStopped";
            case PRINT_JOB_INVALID -> "devices.reason.printJobInvalid";
            case SCALE_NO_READING -> "devices.reason.scaleNoReading";
            case SCALE_STALE -> "devices.reason.scaleStale";
            case SCALE_UNSTABLE -> "devices.reason.scaleUnstable";
            case SCALE_NEGATIVE -> "devices.reason.scaleNegative";
            case SCALE_ZERO -> "devices.reason.scaleZero";
            case SCALE_OVERLOAD -> "devices.reason.scaleOverload";
            case SCALE_UNREADABLE -> "devices.reason.scaleUnreadable";
            case CARD_READER_NONE -> "devices.reason.cardReaderNone";
            case CARD_READER_MISSING -> "devices.reason.cardReaderMissing";
            case PCSC_SERVICE_STOPPED -> "devices.reason.pcscServiceStopped";
            case PCSC_SERVICE_RESTARTED -> "devices.reason.pcscServiceRestarted";
            case PCSC_UNAVAILABLE -> "devices.reason.pcscUnavailable";
            case FACE_WAITING -> "devices.reason.faceWaiting";
            case FACE_SILENT -> "devices.reason.faceSilent";
            case FACE_PORT_IN_USE -> "devices.reason.facePortInUse";
            case FACE_UNREACHABLE -> "devices.reason.faceUnreachable";
            case FACE_CONNECT_TIMEOUT -> "devices.reason.faceConnectTimeout";
            case FACE_AUTH_REFUSED -> "devices.reason.faceAuthRefused";
            case FACE_AUTH_UNSUPPORTED -> "devices.reason.faceAuthUnsupported";
            case FACE_HTTP_STATUS -> "devices.reason.faceHttpStatus";
            case FACE_STREAM_CLOSED -> "devices.reason.faceStreamClosed";
            case FACE_NO_HEARTBEAT -> "devices.reason.faceNoHeartbeat";
        });
    }
}
