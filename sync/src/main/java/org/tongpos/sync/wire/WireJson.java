package org.tongpos.sync.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration for the Settlement API. Serialization is deterministic: record
 * properties in their declared order ({@code @JsonPropertyOrder}), map keys sorted, no indentation,
 * UTF-8. The same value always gives the same bytes, so a client can freeze a batch body.
 * Reading tolerates unknown properties (a newer bank may add fields) but not nulls for primitives.
 */
public final class WireJson {

    private WireJson() {
    }

    /** A new, fully configured mapper. Mappers are thread-safe once configured: make one and share it. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }
}
