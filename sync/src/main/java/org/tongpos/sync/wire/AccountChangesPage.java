package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One page of the accounts change feed. {@code next_cursor} is the last cursor of the page, or {@code after}. */
@JsonPropertyOrder({"changes", "next_cursor", "has_more"})
public record AccountChangesPage(
        @JsonProperty("changes") List<AccountChange> changes,
        @JsonProperty("next_cursor") String nextCursor,
        @JsonProperty("has_more") boolean hasMore) {

    public AccountChangesPage {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
