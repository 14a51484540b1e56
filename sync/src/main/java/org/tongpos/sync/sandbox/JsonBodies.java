package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading request bodies and writing response bodies with the shared wire mapper. */
final class JsonBodies {

    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The body as a JSON object; anything else is {@code 400 PARAM_ERROR}. */
    JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.param("body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.param("body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.param("body must be a JSON object");
        }
        return node;
    }

    ApiResponse respond(int status, Object value) {
        try {
            return ApiResponse.json(status, json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wire records always serialize", e);
        }
    }
}
