package org.tongpos.sync.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the bank answers, before signing. {@code file} is set instead of {@code body} for a statement
 * download, which is streamed and not signed.
 */
record ApiResponse(int status, byte[] body, Map<String, String> headers, Path file) {

    static final String JSON = "application/json; charset=utf-8";

    static ApiResponse json(int status, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        return new ApiResponse(status, body, headers, null);
    }

    static ApiResponse csvFile(Path file) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/csv; charset=utf-8");
        return new ApiResponse(200, null, headers, file);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy, file);
    }

    boolean isStreamedFile() {
        return file != null;
    }
}
