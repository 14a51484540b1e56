package org.tongpos.app.canteen.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Which diner a face terminal's person id stands for ({@code canteen_face_map}). */
public final class FaceMapStore {

    private final DataSource dataSource;

    public FaceMapStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> dinerOf(String personId) {
        return Sql.read(dataSource, "face mapping", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT diner_id FROM canteen_face_map WHERE person_id = ?")) {
                ps.setString(1, personId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void map(String personId, String dinerId, OffsetDateTime now) {
        Sql.write(dataSource, "face mapping " + personId, c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO canteen_face_map (person_id, diner_id, mapped_at) "
                    + "KEY (person_id) VALUES (?, ?, ?)")) {
                ps.setString(1, personId);
                ps.setString(2, dinerId);
                ps.setObject(3, now);
                return ps.executeUpdate();
            }
        });
    }

    public boolean unmap(String personId) {
        return Sql.write(dataSource, "face mapping " + personId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM canteen_face_map WHERE person_id = ?")) {
                ps.setString(1, personId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Every mapping, person id → diner id, by person id. */
    public Map<String, String> all() {
        return Sql.read(dataSource, "face mappings", c -> {
            Map<String, String> all = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT person_id, diner_id FROM canteen_face_map ORDER BY person_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.put(rs.getString(1), rs.getString(2));
                }
            }
            return all;
        });
    }
}
