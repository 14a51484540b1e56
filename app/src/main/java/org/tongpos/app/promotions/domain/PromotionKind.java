package org.tongpos.app.promotions.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a promotion does. The kind fixes its {@link Stage} and which terms it needs (see docs/promotions.md). */
public enum PromotionKind {
    /** {@code percent} off the goods (九折 = 10). */
    PERCENT_OFF(Stage.ITEM, "折扣"),
    /** The goods sell at {@code price} (per piece, or per kg for weighed goods). */
    FIXED_PRICE(Stage.ITEM, "特价"),
    /** A fixed price for members only. */
    MEMBER_PRICE(Stage.ITEM, "会员价"),
    /** {@code buyQty} pieces for {@code price} (3 件 10 元). */
    N_FOR_PRICE(Stage.ITEM, "N件N元"),
    /** Every {@code buyQty}-th piece {@code percent} off (第二件半价: 2, 50). */
    NTH_PERCENT(Stage.ITEM, "第N件折扣"),
    /** Buy {@code buyQty}, get {@code getQty} free (or {@code percent} off), of the same goods or of {@code getTarget}. */
    BUY_X_GET_Y(Stage.ITEM, "买赠"),
    /** Spend {@code minSpend}, get {@code amountOff} (or {@code percent}) off; stepped: for every {@code minSpend}. */
    THRESHOLD(Stage.CART, "满减"),
    /** A threshold that applies only when the customer pays with the bank's card or payment code. */
    BANK_OFFER(Stage.TENDER, "银行优惠");

    private static final Map<String, PromotionKind> BY_CHINESE_NAME = Map.of("折扣", PERCENT_OFF, "特价", FIXED_PRICE,
            "会员价", MEMBER_PRICE, "N件N元", N_FOR_PRICE, "第N件折扣", NTH_PERCENT, "买赠", BUY_X_GET_Y, "满减", THRESHOLD,
            "银行优惠", BANK_OFFER);

    private final Stage stage;
    private final String chineseName;

    PromotionKind(Stage stage, String chineseName) {
        this.stage = stage;
        this.chineseName = chineseName;
    }

    public Stage stage() {
        return stage;
    }

    /** The name a Chinese price list uses for the kind ({@code 满减}); also accepted on import. */
    public String chineseName() {
        return chineseName;
    }

    /** The kind as the import file writes it ({@code nth_percent}). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Kinds whose discount needs several pieces together (multibuys, buy X get Y). */
    public boolean countsPieces() {
        return this == N_FOR_PRICE || this == NTH_PERCENT || this == BUY_X_GET_Y;
    }

    /** A kind by its name ({@code nth_percent}, any case) or its Chinese name ({@code 第N件折扣}). */
    public static Optional<PromotionKind> parse(String text) {
        String t = text.strip();
        PromotionKind chinese = BY_CHINESE_NAME.get(t.toUpperCase(Locale.ROOT));
        if (chinese != null) {
            return Optional.of(chinese);
        }
        try {
            return Optional.of(valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
