package org.tongpos.app.devices.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and changes one {@code name=value} parameter of a device address as text ({@code serial:/dev/ttyUSB0?baud=9600
 * &suffix=CR}), so the device screen can offer baud rate and suffix as fields of their own while the setting stays one
 * address. The address is not validated here; the setting checks it when saved.
 */
public final class AddressParameters {

    private AddressParameters() {
    }

    /** The parameter's value, or the empty string when the address does not have it. */
    public static String get(String address, String name) {
        return parameters(address).getOrDefault(name, "");
    }

    /** The address with the parameter set to {@code value}, or removed when the value is empty. */
    public static String with(String address, String name, String value) {
        String trimmed = address.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("pcsc:")) {
            return trimmed;
        }
        Map<String, String> parameters = parameters(trimmed);
        if (value == null || value.isBlank()) {
            parameters.remove(name);
        } else {
            parameters.put(name, value.strip());
        }
        int question = trimmed.indexOf('?');
        StringBuilder text = new StringBuilder(question >= 0 ? trimmed.substring(0, question) : trimmed);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            text.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = '&';
        }
        return text.toString();
    }

    private static Map<String, String> parameters(String address) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = address.indexOf('?');
        if (question < 0 || address.startsWith("pcsc:")) {
            return parameters;
        }
        for (String pair : address.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            } else if (!pair.isEmpty()) {
                parameters.put(pair, "");
            }
        }
        return parameters;
    }
}
