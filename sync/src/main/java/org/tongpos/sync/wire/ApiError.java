package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code {"code": "…", "message": "…", …extra}}. Extra fields such as {@code expected_seq}, {@code seq},
 * {@code txn_id} or {@code bank} are kept in {@link #details()} (sorted by name on the wire).
 */
public record ApiError(String code, String message, Map<String, Object> details) {

    public ApiError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.name(), message, Map.of());
    }

    public static ApiError of(ErrorCode code, String message, Map<String, Object> details) {
        return new ApiError(code.name(), message, details);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ApiError fromJson(Map<String, Object> json) {
        Map<String, Object> extra = new LinkedHashMap<>(json);
        Object code = extra.remove("code");
        Object message = extra.remove("message");
        return new ApiError(code == null ? "" : code.toString(), message == null ? "" : message.toString(), extra);
    }

    @JsonValue
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.putAll(details);
        return json;
    }

    /** True when this error has the given code. */
    public boolean is(ErrorCode expected) {
        return expected.name().equals(code);
    }

    /** An integer detail such as {@code expected_seq} or {@code seq}. */
    public Optional<Long> longDetail(String name) {
        Object value = details.get(name);
        return value instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    /** A text detail such as {@code txn_id}. */
    public Optional<String> textDetail(String name) {
        Object value = details.get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
