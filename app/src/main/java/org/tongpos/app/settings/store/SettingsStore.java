package org.tongpos.app.settings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;

/** Settings kept in the terminal's database; a setting never written reads as its default. */
public final class SettingsStore {

    private final DataSource dataSource;

    public SettingsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String get(SettingKey key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
            s.setString(1, key.key());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : key.defaultValue();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read setting " + key.key(), e);
        }
    }

    /**
     * Stores a value after checking it, on disk when this returns; throws {@link IllegalArgumentException} for a value
     * the key refuses.
     */
    public void set(SettingKey key, String value) {
        if (!key.accepts(value)) {
            throw new IllegalArgumentException("invalid value for " + key.key());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("MERGE INTO setting (name, setting_value) KEY (name) VALUES (?, ?)")) {
            s.setString(1, key.key());
            s.setString(2, value);
            s.executeUpdate();
            Database.forceToDisk(c);
        } catch (SQLException e) {
            throw new StorageException("cannot write setting " + key.key(), e);
        }
    }
}
