package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** Strict reading of request fields: present, not null, the right JSON type; else {@code 400 PARAM_ERROR}. */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode object(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (!node.isObject()) {
            throw ApiException.param(name + " must be an object");
        }
        return node;
    }

    static String text(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (!node.isTextual()) {
            throw ApiException.param(name + " must be a string");
        }
        return node.textValue();
    }

    static String nonEmptyText(JsonNode parent, String name, int maxLength) {
        String value = text(parent, name);
        if (value.isEmpty() || value.length() > maxLength) {
            throw ApiException.param(name + " must be 1.." + maxLength + " characters");
        }
        return value;
    }

    static long integer(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.param(name + " must be an integer");
        }
        return node.longValue();
    }

    static JsonNode array(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (!node.isArray()) {
            throw ApiException.param(name + " must be an array");
        }
        return node;
    }

    private static JsonNode field(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw ApiException.param(name + " is missing");
        }
        return node;
    }

    /** Identifiers the bank keys records by: 1–64 visible ASCII characters, none of {@code / ? # % " \}. */
    static String identifier(JsonNode parent, String name) {
        String value = nonEmptyText(parent, name, 64);
        if (!isIdentifier(value)) {
            throw ApiException.param(name + " must be 1-64 characters of [A-Za-z0-9_.:-]");
        }
        return value;
    }

    static boolean isIdentifier(String value) {
        return value != null && value.matches("[A-Za-z0-9_.:-]{1,64}");
    }
}
