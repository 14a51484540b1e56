package org.tongpos.hardware.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preview draws text as the printer does: every character in its own cell (12 dots for ASCII, 24 for Chinese),
 * so a date or an amount is as tight on screen as on paper ({@code 2026-12-04 23:12}, {@code 3.00}).
 */
class EscPosRendererTest {

    private static final int CELL = 12;
    private final EscPosRenderer renderer = new EscPosRenderer(EscPosRenderer.DOTS_58MM);

    @Test
    void punctuationSitsInTheMiddleOfItsCellNotAtItsLeftEdge() {
        for (char c : "-:./".toCharArray()) {
            Ink ink = inkOfCharacterAt(5, String.valueOf(c));
            int left = ink.first() - 5 * CELL;
            int right = 6 * CELL - 1 - ink.last();
            assertThat(Math.abs(left - right)).as("'%s': %d blank dots on its left, %d on its right", c, left, right)
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void everyCharacterStaysInsideItsOwnCell() {
        for (String c : List.of("2", "0", "-", ":", ".", "m", "l", "W", "M", "@", "%")) {
            Ink ink = inkOfCharacterAt(3, c);
            assertThat(ink.first()).as("'%s' starts inside its cell", c).isGreaterThanOrEqualTo(3 * CELL);
            assertThat(ink.last()).as("'%s' ends inside its cell", c).isLessThan(4 * CELL);
        }
        Ink chinese = inkOfCharacterAt(3, "可");
        assertThat(chinese.first()).isGreaterThanOrEqualTo(3 * CELL);
        assertThat(chinese.last()).as("a Chinese character takes two cells").isLessThan(5 * CELL);
    }

    @Test
    void aDateHasNoWiderGapAfterItsDashesAndColonsThanBetweenItsDigits() {
        BufferedImage line = render("2026-12-04 23:12");
        List<Integer> gaps = gapsBetweenGlyphs(line, "2026-12-04".length() * CELL);
        int widestBetweenDigits = Math.max(gaps.get(0), Math.max(gaps.get(1), gaps.get(2)));   // 2|0|2|6
        assertThat(gaps.get(3)).as("gap before '-' (gaps %s)", gaps).isLessThanOrEqualTo(widestBetweenDigits + 3);
        assertThat(gaps.get(4)).as("gap after '-' (gaps %s)", gaps).isLessThanOrEqualTo(widestBetweenDigits + 3);
    }

    /** The ink of {@code text} printed after {@code column} spaces, in dots from the paper's left edge. */
    private Ink inkOfCharacterAt(int column, String text) {
        BufferedImage image = render(" ".repeat(column) + text);
        int first = -1;
        int last = -1;
        for (int x = 0; x < image.getWidth(); x++) {
            if (inkInColumn(image, x)) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        assertThat(first).as("'%s' leaves ink", text).isGreaterThanOrEqualTo(0);
        return new Ink(first, last);
    }

    private BufferedImage render(String text) {
        return renderer.render(List.of(new EscPosElement.TextLine(Alignment.LEFT,
                List.of(new EscPosElement.TextRun(text, false, 1, 1)))));
    }

    /** Blank columns between consecutive runs of ink, left to right, up to dot {@code width}. */
    private static List<Integer> gapsBetweenGlyphs(BufferedImage image, int width) {
        java.util.ArrayList<Integer> gaps = new java.util.ArrayList<>();
        boolean inInk = false;
        int blank = 0;
        for (int x = 0; x < width; x++) {
            boolean ink = inkInColumn(image, x);
            if (ink && !inInk && blank > 0 && x > blank) {
                gaps.add(blank);
            }
            blank = ink ? 0 : blank + 1;
            inInk = ink;
        }
        return gaps;
    }

    private static boolean inkInColumn(BufferedImage image, int x) {
        for (int y = 0; y < image.getHeight(); y++) {
            if ((image.getRGB(x, y) & 0xFF) < 128) {
                return true;
            }
        }
        return false;
    }

    private record Ink(int first, int last) {
    }
}
