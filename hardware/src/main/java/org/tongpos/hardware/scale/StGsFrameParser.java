package org.tongpos.hardware.scale;

import java.time.Instant;
import java.util.Locale;

/**
 * The continuous-output frame many retail bench scales send several times a second (Toledo-compatible
 * "ST,GS" format, as on many Chinese-made bench and counter scales): {@code ST,GS,+  1.234kg} then CR LF.
 *
 * <ul>
 *   <li>status: {@code ST} stable, {@code US} unstable (moving), {@code OL} overload</li>
 *   <li>kind: {@code GS} gross, {@code NT} net (after tare)</li>
 *   <li>sign {@code +}/{@code -}, the value with spaces or zeros as padding and a decimal point, unit {@code kg} or
 *       {@code g}</li>
 * </ul>
 * Weights become whole grams with integer arithmetic; finer resolutions than 1 g are refused.
 */
public final class StGsFrameParser {

    public WeightReading parse(String frame, Instant at) {
        String text = frame.strip();
        String[] parts = text.split(",", -1);
        if (parts.length != 3) {
            throw new ScaleFormatException("expected 'ST,GS,+  1.234kg', got '" + printable(text) + "'");
        }
        String status = parts[0].trim().toUpperCase(Locale.ROOT);
        String kind = parts[1].trim().toUpperCase(Locale.ROOT);
        boolean overload = status.equals("OL");
        if (!status.equals("ST") && !status.equals("US") && !overload) {
            throw new ScaleFormatException("unknown scale status '" + printable(status) + "'");
        }
        if (!kind.equals("GS") && !kind.equals("NT")) {
            throw new ScaleFormatException("unknown weight kind '" + printable(kind) + "'");
        }
        if (overload) {
            return new WeightReading(0, false, kind.equals("NT"), true, at);
        }
        long grams = grams(parts[2].replace(" ", ""), text);
        return new WeightReading(grams, status.equals("ST"), kind.equals("NT"), false, at);
    }

    private static long grams(String value, String frame) {
        if (value.isEmpty()) {
            throw new ScaleFormatException("no weight in '" + printable(frame) + "'");
        }
        boolean negative = false;
        int start = 0;
        if (value.charAt(0) == '+' || value.charAt(0) == '-') {
            negative = value.charAt(0) == '-';
            start = 1;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        int scaleToGrams;
        int end;
        if (lower.endsWith("kg")) {
            scaleToGrams = 3;
            end = value.length() - 2;
        } else if (lower.endsWith("g")) {
            scaleToGrams = 0;
            end = value.length() - 1;
        } else {
            throw new ScaleFormatException("weight unit must be kg or g in '" + printable(frame) + "'");
        }
        String number = value.substring(start, end);
        int point = number.indexOf('.');
        String whole = point < 0 ? number : number.substring(0, point);
        String fraction = point < 0 ? "" : number.substring(point + 1);
        if (whole.isEmpty() && fraction.isEmpty() || !digits(whole) || !digits(fraction) || whole.length() > 9) {
            throw new ScaleFormatException("weight '" + printable(value) + "' is not a number");
        }
        while (fraction.length() > scaleToGrams && fraction.endsWith("0")) {
            fraction = fraction.substring(0, fraction.length() - 1);
        }
        if (fraction.length() > scaleToGrams) {
            throw new ScaleFormatException("weight '" + value + "' is finer than one gram");
        }
        StringBuilder padded = new StringBuilder(fraction);
        while (padded.length() < scaleToGrams) {
            padded.append('0');
        }
        long grams = Long.parseLong((whole.isEmpty() ? "0" : whole) + padded);
        return negative ? -grams : grams;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return sb.toString();
    }
}
