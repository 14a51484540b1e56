package org.tongpos.app.ui;

import java.util.List;
import javafx.scene.text.Font;

/**
 * Picks fonts that can draw Chinese from those installed, so that names never show as boxes: the first family of
 * each list that the system has, else JavaFX's logical fonts (which fall back through the system's font config).
 */
public final class UiFonts {

    private static final List<String> SANS = List.of("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
            "Microsoft YaHei", "PingFang SC", "SimHei");
    private static final List<String> MONO = List.of("Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono",
            "Sarasa Mono SC", "NSimSun", "SimSun");

    private UiFonts() {
    }

    /** The family for all text of the screens. */
    public static String sansFamily() {
        return firstInstalled(SANS, "System");
    }

    /** A family whose Latin letters are half as wide as its Chinese ones, as a receipt printer's are. */
    public static String monoFamily() {
        return firstInstalled(MONO, "Monospaced");
    }

    private static String firstInstalled(List<String> families, String fallback) {
        for (String family : families) {
            Font font = Font.font(family, 12);
            if (font != null && family.equalsIgnoreCase(font.getFamily())) {
                return family;
            }
        }
        return fallback;
    }
}
