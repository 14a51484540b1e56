package org.tongpos.app.catalog.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.PinyinInitials;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.money.domain.Money;

/**
 * A realistic demo store: well-known goods first (with fixed barcodes, listed in the README), then generated
 * brand × product × size combinations up to the requested count, and weighed fresh goods sold by PLU.
 * Deterministic: the same count always gives the same catalog.
 */
public final class DemoCatalog {

    /** Fixed demo goods: name, category, unit, price in fen. Barcode i is {@code 69200000} + (i+1) padded + check. */
    private static final Object[][] STAPLES = {
            {"可口可乐 330ml", "饮料", "瓶", 300}, {"百事可乐 330ml", "饮料", "瓶", 300},
            {"农夫山泉 550ml", "饮料", "瓶", 200}, {"康师傅冰红茶 500ml", "饮料", "瓶", 300},
            {"王老吉凉茶 310ml", "饮料", "罐", 450}, {"娃哈哈AD钙奶 220g", "乳品", "瓶", 250},
            {"伊利纯牛奶 250ml", "乳品", "盒", 350}, {"蒙牛酸奶 200g", "乳品", "盒", 480},
            {"康师傅红烧牛肉面", "方便食品", "袋", 450}, {"统一老坛酸菜牛肉面", "方便食品", "袋", 450},
            {"白象汤好喝方便面", "方便食品", "袋", 400}, {"乐事薯片原味 70g", "休闲零食", "袋", 750},
            {"旺旺雪饼 84g", "休闲零食", "袋", 650}, {"奥利奥夹心饼干 97g", "休闲零食", "盒", 890},
            {"德芙丝滑牛奶巧克力 43g", "休闲零食", "块", 990}, {"绿箭口香糖", "休闲零食", "盒", 1000},
            {"金龙鱼大米 5kg", "粮油", "袋", 3990}, {"福临门花生油 5L", "粮油", "桶", 8990},
            {"海天生抽 500ml", "调味品", "瓶", 990}, {"老干妈风味豆豉", "调味品", "瓶", 1050},
            {"中华牙膏 140g", "日化", "支", 1290}, {"舒肤佳香皂 115g", "日化", "块", 590},
            {"心相印抽纸 3包", "日化", "提", 1590}, {"立白洗衣液 2kg", "日化", "瓶", 3290},
            {"青岛啤酒 500ml", "酒水", "罐", 550}, {"雪花啤酒 500ml", "酒水", "罐", 450},
            {"红星二锅头 500ml", "酒水", "瓶", 2300}, {"鸡蛋 10枚", "生鲜", "盒", 1290},
            {"双汇王中王火腿肠", "肉制品", "根", 250}, {"南孚5号电池 4粒", "百货", "卡", 1290},
    };

    /** Weighed fresh goods: name, price per kg in fen, PLU (the item code the store's scales print). */
    private static final Object[][] FRESH = {
            {"红富士苹果", 1280, "10001"}, {"香蕉", 698, "10002"}, {"砂糖橘", 998, "10003"},
            {"西红柿", 598, "10004"}, {"黄瓜", 498, "10005"}, {"土豆", 298, "10006"},
            {"五花肉", 2980, "10007"}, {"猪里脊", 3280, "10008"}, {"鸡胸肉", 1960, "10009"},
            {"大白菜", 198, "10010"}, {"散装花生", 1800, "10011"}, {"草鱼", 1560, "10012"},
    };

    private static final String[] BRANDS = {"康师傅", "统一", "娃哈哈", "伊利", "蒙牛", "旺旺", "达利园", "盼盼",
            "三只松鼠", "良品铺子", "洽洽", "好丽友", "徐福记", "金锣", "双汇", "海天", "李锦记", "太太乐", "雕牌", "蓝月亮",
            "维达", "清风", "光明", "君乐宝", "元气森林", "今麦郎", "白象", "五谷道场", "农夫", "怡宝"};
    private static final Object[][] KINDS = {
            {"矿泉水", "饮料", "瓶", 150}, {"绿茶", "饮料", "瓶", 300}, {"果汁", "饮料", "瓶", 450},
            {"苏打水", "饮料", "瓶", 400}, {"纯牛奶", "乳品", "盒", 350}, {"酸奶", "乳品", "杯", 550},
            {"饼干", "休闲零食", "袋", 680}, {"薯片", "休闲零食", "袋", 720}, {"瓜子", "休闲零食", "袋", 990},
            {"坚果", "休闲零食", "罐", 2990}, {"面包", "烘焙", "袋", 590}, {"蛋糕", "烘焙", "盒", 1290},
            {"方便面", "方便食品", "袋", 400}, {"火腿肠", "肉制品", "袋", 990}, {"酱油", "调味品", "瓶", 1090},
            {"醋", "调味品", "瓶", 790}, {"鸡精", "调味品", "袋", 890}, {"洗衣粉", "日化", "袋", 1590},
            {"洗洁精", "日化", "瓶", 990}, {"纸巾", "日化", "提", 1990}};
    private static final String[] SIZES = {"小包装", "家庭装", "经典装", "特惠装", "礼盒装", "迷你装", "加量装",
            "原味", "香辣味", "清爽型", "低糖", "无糖"};

    private final PinyinInitials pinyin;

    public DemoCatalog(PinyinInitials pinyin) {
        this.pinyin = pinyin;
    }

    /** The barcode of staple {@code i} (0-based): {@code 6920000000xxC}. */
    public static String stapleBarcode(int i) {
        return Gtin.withCheckDigit(String.format("692000000%03d", i + 1));
    }

    public static int stapleCount() {
        return STAPLES.length;
    }

    public List<Product> products(int count) {
        List<Product> products = new ArrayList<>(count);
        for (int i = 0; i < STAPLES.length && products.size() < count; i++) {
            Object[] s = STAPLES[i];
            products.add(product(stapleBarcode(i), "", (String) s[0], (String) s[1], (String) s[2], (int) s[3]));
        }
        for (int i = 0; i < FRESH.length && products.size() < count; i++) {
            Object[] f = FRESH[i];
            products.add(product("", (String) f[2], (String) f[0], "生鲜", "kg", (int) f[1]));
        }
        Random random = new Random(20261130L);
        Set<String> names = new HashSet<>();
        long serial = 1;
        while (products.size() < count) {
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            Object[] kind = KINDS[random.nextInt(KINDS.length)];
            String size = SIZES[random.nextInt(SIZES.length)];
            int grams = 50 + random.nextInt(40) * 25;
            String name = brand + kind[0] + " " + size + " " + grams + ("瓶".equals(kind[2]) ? "ml" : "g");
            if (!names.add(name)) {
                name = name + " " + serial;
                names.add(name);
            }
            int price = Math.max(50, (int) kind[3] + (random.nextInt(21) - 10) * 10 + grams / 10);
            String barcode = Gtin.withCheckDigit(String.format("693%09d", serial++));
            products.add(product(barcode, "", name, (String) kind[1], (String) kind[2], price));
        }
        return products;
    }

    private Product product(String barcode, String plu, String name, String category, String unit, int priceFen) {
        Money price = Money.ofFen(priceFen);
        Optional<Money> cost = Optional.of(Money.ofFen(priceFen * 7L / 10));
        return new Product(0, barcode.isEmpty() ? List.of() : List.of(barcode), plu, name, category,
                ProductUnit.of(unit), price, cost, pinyin.of(name));
    }
}
