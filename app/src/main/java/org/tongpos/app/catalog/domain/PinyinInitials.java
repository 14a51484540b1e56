package org.tongpos.app.catalog.domain;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Search initials of a name: the first letter of each Chinese character's pinyin, letters and digits kept as they
 * are, lowercase; everything else dropped. {@code 可口可乐 → kkkl}, {@code 康师傅红烧牛肉面 → ksfhsnrm},
 * {@code 農夫山泉550ml → nfsq550ml}. A character with several readings takes its most common one.
 */
public final class PinyinInitials {

    private static final char NOT_YET = 0;
    private static final char NO_READING = 1;

    private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
    /**
     * The initial of each character once looked up: pinyin4j's lookup formats every reading of the character, and an
     * import of 100,000 names asks for the same few thousand characters a million times. Races only recompute.
     */
    private final char[] initialOf = new char[Character.MAX_VALUE + 1];

    public PinyinInitials() {
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    }

    public String of(String name) {
        StringBuilder initials = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    initials.append(Character.toLowerCase(c));
                }
                continue;
            }
            char initial = initialOf[c];
            if (initial == NOT_YET) {
                String first = firstReading(c);
                initial = first == null ? NO_READING : first.charAt(0);
                initialOf[c] = initial;
            }
            if (initial != NO_READING) {
                initials.append(initial);
            } else if (Character.isLetterOrDigit(c)) {
                initials.append(Character.toLowerCase(c));
            }
        }
        return initials.toString().toLowerCase(Locale.ROOT);
    }

    private String firstReading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, format);
            return readings == null || readings.length == 0 || readings[0].isEmpty() ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin output format is fixed and valid", e);
        }
    }
}
