package org.tongpos.hardware.face;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one JSON part of a Hikvision ISAPI alert stream into a {@link FaceEvent}: an {@code AccessControllerEvent}
 * with major type 5 (event) and a "verify pass" minor type carrying {@code employeeNoString} is a recognised person;
 * heartbeats and other events are ignored; anything unreadable is {@link FaceEvent.Malformed}.
 */
final class HikvisionEventParser {

    static final int MAJOR_EVENT = 5;
    /** Minor types of a successful verification: 75 face, 38 fingerprint, 1 card. */
    static final Set<Integer> VERIFY_PASS = Set.of(75, 38, 1);

    private final ObjectMapper json = new ObjectMapper();
    private final String terminal;
    private final Clock clock;

    HikvisionEventParser(String terminal, Clock clock) {
        this.terminal = terminal;
        this.clock = clock;
    }

    Optional<FaceEvent> parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.of(new FaceEvent.Malformed(terminal, "event is not JSON: " + e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            return Optional.of(new FaceEvent.Malformed(terminal, "event unreadable: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return Optional.of(new FaceEvent.Malformed(terminal, "event is not a JSON object"));
        }
        if (!"AccessControllerEvent".equals(root.path("eventType").asText())) {
            return Optional.empty();
        }
        JsonNode event = root.path("AccessControllerEvent");
        if (!event.isObject() || !event.path("majorEventType").isInt() || !event.path("subEventType").isInt()) {
            return Optional.of(new FaceEvent.Malformed(terminal,
                    "AccessControllerEvent without numeric majorEventType/subEventType"));
        }
        int major = event.path("majorEventType").asInt();
        int minor = event.path("subEventType").asInt();
        if (major != MAJOR_EVENT || !VERIFY_PASS.contains(minor)) {
            return Optional.empty();
        }
        String employee = event.path("employeeNoString").asText("").trim();
        if (employee.isEmpty()) {
            employee = event.path("employeeNo").asText("").trim();
        }
        if (employee.isEmpty()) {
            return Optional.of(new FaceEvent.Malformed(terminal, "verification event without employeeNoString"));
        }
        return Optional.of(new FaceEvent.PersonRecognised(terminal, employee, time(root.path("dateTime").asText("")),
                method(minor)));
    }

    private Instant time(String dateTime) {
        try {
            return OffsetDateTime.parse(dateTime).toInstant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private static String method(int minor) {
        return switch (minor) {
            case 75 -> "face";
            case 38 -> "fingerprint";
            default -> "card";
        };
    }
}
