package org.tongpos.app.canteen.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.store.FaceMapStore;

/**
 * Which diner each person enrolled on a face terminal is: the terminal reports the id it enrolled the person with
 * (Hikvision {@code employeeNoString}, ZKTeco {@code PIN}), and this table says whose meal it is.
 */
public final class FaceMappings {

    private final FaceMapStore store;
    private final DinerDirectory diners;
    private final Clock clock;

    public FaceMappings(FaceMapStore store, DinerDirectory diners, Clock clock) {
        this.store = store;
        this.diners = diners;
        this.clock = clock;
    }

    public static boolean isPersonId(String id) {
        return id != null && id.matches("[A-Za-z0-9_.-]{1,64}");
    }

    /** Maps a person id to a diner (by diner id or staff number); returns the diner. */
    public DinerAccount map(String personId, String dinerId) {
        return map(personId, dinerId, Session.commandLine(Session.SYSTEM, clock.instant()));
    }

    /** As the other map, by a session holding {@link Permission#MANAGE_DINERS}. */
    public DinerAccount map(String personId, String dinerId, Session by) {
        by.require(Permission.MANAGE_DINERS);
        if (!isPersonId(personId)) {
            throw RuleProblem.of("face.badPersonId", personId);
        }
        DinerAccount diner = diners.byDinerIdOrStaffNo(dinerId)
                .orElseThrow(() -> RuleProblem.of("diner.unknown", dinerId));
        store.map(personId, diner.dinerId(), OffsetDateTime.now(clock));
        return diner;
    }

    public boolean unmap(String personId) {
        return unmap(personId, Session.commandLine(Session.SYSTEM, clock.instant()));
    }

    public boolean unmap(String personId, Session by) {
        by.require(Permission.MANAGE_DINERS);
        return store.unmap(personId);
    }

    public Map<String, String> all() {
        return store.all();
    }
}
