package org.tongpos.sync.feed;

import java.sql.Connection;
import java.sql.SQLException;
import org.tongpos.sync.wire.AccountChange;

/**
 * Told of every change the feed applies, inside the transaction that applies it and stores the cursor after it: what
 * a listener writes on {@code connection} is committed with the change or not at all, so it sees each change exactly
 * once. The canteen uses it to keep the DEBITs of other lanes and to mark its own meals as confirmed by the bank.
 */
@FunctionalInterface
public interface AccountChangeListener {

    AccountChangeListener NONE = (connection, change) -> { };

    void applied(Connection connection, AccountChange change) throws SQLException;

    /** The page of changes told to {@link #applied} since the last call of this or {@link #abandoned} committed. */
    default void committed() {
    }

    /** The page of changes told to {@link #applied} since the last such call was rolled back: none of it counts. */
    default void abandoned() {
    }
}
