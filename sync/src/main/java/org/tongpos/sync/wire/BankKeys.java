package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /v1/keys}. */
public record BankKeys(@JsonProperty("keys") List<BankKey> keys) {

    public BankKeys {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }
}
