package org.tongpos.hardware.display;

/** Words on a text display; ASCII for displays without a Chinese font. */
public record DisplayLabels(String total, String paid, String change, String currency, String welcome) {

    public static DisplayLabels english() {
        return new DisplayLabels("TOTAL", "PAID", "CHANGE", "", "WELCOME");
    }

    public static DisplayLabels chinese() {
        return new DisplayLabels("合计", "实收", "找零", "￥", "欢迎光临");
    }
}
