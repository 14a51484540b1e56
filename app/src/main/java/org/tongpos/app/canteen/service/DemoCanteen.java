package org.tongpos.app.canteen.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.tongpos.app.canteen.domain.CanteenSetting;
import org.tongpos.app.money.domain.Money;
import org.tongpos.hardware.sim.SimulatedCardReader;

/**
 * The demo canteen: three periods every day (早餐 07:00-09:00, 午餐 11:00-13:30, 晚餐 17:00-19:30), prices per diner
 * type (dinner by dish from a menu), cash walk-ins allowed, and eight local diners whose meal cards are the card
 * reader simulator's demo cards and whose face-terminal ids are 1001 to 1008. Running it again resets the rules and
 * keeps the diners and their money.
 */
public final class DemoCanteen {

    public static final String OPERATOR = "demo-data";
    static final String[][] DINERS = {
        {"L001", "E1001", "周敏", "办公室", "STAFF"},
        {"L002", "E1002", "吴刚", "财务科", "STAFF"},
        {"L003", "E1003", "郑丽", "纪检监察室", "STAFF"},
        {"L004", "E1004", "孙强", "后勤保障科", "STAFF"},
        {"L005", "E1005", "马超", "信息中心", "INTERN"},
        {"L006", "E1006", "朱琳", "信息中心", "STAFF"},
        {"L007", "E1007", "胡军", "离退休干部科", "RETIREE"},
        {"L008", "", "郭静", "办公室", "GUEST"},
    };

    private final CanteenRules rules;
    private final LocalDiners local;
    private final DinerDirectory diners;
    private final FaceMappings faces;

    public DemoCanteen(CanteenRules rules, LocalDiners local, DinerDirectory diners, FaceMappings faces) {
        this.rules = rules;
        this.local = local;
        this.diners = diners;
        this.faces = faces;
    }

    /** What was set up. */
    public record Outcome(int periods, int prices, int dishes, int dinersAdded) {
    }

    public Outcome load() {
        String all = "1234567";
        rules.setPeriod("早餐", "07:00-09:00", all, OptionalInt.empty(), OPERATOR);
        rules.setPeriod("午餐", "11:00-13:30", all, OptionalInt.empty(), OPERATOR);
        rules.setPeriod("晚餐", "17:00-19:30", all, OptionalInt.empty(), OPERATOR);
        int prices = 0;
        for (String type : List.of("STAFF", "INTERN", "STUDENT", "GUEST")) {
            rules.setPrice("早餐", type, Optional.of(Money.parseYuan("5")), new TreeMap<>(), OPERATOR);
            rules.setPrice("午餐", type, Optional.of(Money.parseYuan("10")), new TreeMap<>(), OPERATOR);
            rules.setPrice("晚餐", type, Optional.empty(), new TreeMap<>(), OPERATOR);
            prices += 3;
        }
        rules.setPrice("早餐", "RETIREE", Optional.of(Money.parseYuan("4")), new TreeMap<>(), OPERATOR);
        rules.setPrice("午餐", "RETIREE", Optional.of(Money.parseYuan("8")), new TreeMap<>(), OPERATOR);
        rules.setPrice("晚餐", "RETIREE", Optional.empty(), new TreeMap<>(), OPERATOR);
        rules.setPrice("午餐", "WALK_IN", Optional.of(Money.parseYuan("15")), new TreeMap<>(), OPERATOR);
        prices += 4;
        String[][] menu = {{"1", "红烧肉", "8"}, {"2", "番茄炒蛋", "4"}, {"3", "清炒时蔬", "3"}, {"4", "米饭", "0.5"},
            {"5", "紫菜蛋花汤", "1"}};
        for (String[] dish : menu) {
            rules.setDish("晚餐", Integer.parseInt(dish[0]), dish[1], Money.parseYuan(dish[2]), OPERATOR);
        }
        rules.setLimit(CanteenSetting.CASH_WALK_IN.key(), "true", OPERATOR);
        return new Outcome(3, prices, menu.length, loadDiners());
    }

    private int loadDiners() {
        if (diners.byDinerId(DINERS[0][0]).isPresent()) {
            return 0;
        }
        StringBuilder csv = new StringBuilder("diner_id,staff_no,name,department,diner_type,card_uid\n");
        for (int i = 0; i < DINERS.length; i++) {
            String[] d = DINERS[i];
            csv.append(String.join(",", d[0], d[1], d[2], d[3], d[4],
                    SimulatedCardReader.DEMO_MEAL_CARDS.get(i))).append('\n');
        }
        LocalDiners.ImportOutcome imported;
        try {
            imported = local.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!imported.imported()) {
            throw new IllegalStateException("the demo diners do not import: " + imported.problems());
        }
        for (int i = 0; i < DINERS.length; i++) {
            String dinerId = DINERS[i][0];
            if (!"GUEST".equals(DINERS[i][4])) {
                local.topUp(dinerId, Money.parseYuan("200"), OPERATOR, "demo");
                local.subsidy(dinerId, Money.parseYuan("300"), OPERATOR, "demo");
            }
            faces.map(Integer.toString(1001 + i), dinerId);
        }
        return imported.added();
    }
}
