package org.tongpos.hardware.face;

import java.time.Instant;

/** What a face (or other biometric) terminal reported. */
public sealed interface FaceEvent {

    String terminal();

    /** A person was recognised: their employee number as enrolled on the terminal. */
    record PersonRecognised(String terminal, String employeeNo, Instant at, String method) implements FaceEvent {
    }

    /** The terminal sent something that could not be understood; it was skipped. */
    record Malformed(String terminal, String reason) implements FaceEvent {
    }
}
