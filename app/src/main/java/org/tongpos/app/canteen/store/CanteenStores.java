package org.tongpos.app.canteen.store;

import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The canteen's stores over one database, made by the composition root. The meal store and the lane movements are
 * made once by the caller: the lane movements also listen to the bank's accounts feed.
 */
public record CanteenStores(CanteenRuleStore rules, LocalDinerStore localDiners, MealStore meals,
                            LaneMovementStore lanes, FaceMapStore faces, QrNonceStore nonces,
                            ManualIdentificationStore manualIdentifications, GuestApprovalStore guests) {

    /** @param initials the pinyin initials of a name, for finding diners as the cashier types */
    public static CanteenStores over(DataSource dataSource, Function<String, String> initials, MealStore meals,
                                     LaneMovementStore lanes) {
        return new CanteenStores(new CanteenRuleStore(dataSource), new LocalDinerStore(dataSource, initials::apply),
                meals, lanes, new FaceMapStore(dataSource), new QrNonceStore(dataSource),
                new ManualIdentificationStore(dataSource), new GuestApprovalStore(dataSource));
    }
}
