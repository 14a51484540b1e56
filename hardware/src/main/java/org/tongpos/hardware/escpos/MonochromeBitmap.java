package org.tongpos.hardware.escpos;

import java.awt.image.BufferedImage;

/** A 1-bit image as ESC/POS raster data: rows of {@code widthBytes}, most significant bit leftmost, 1 = black. */
public record MonochromeBitmap(int widthBytes, int heightDots, byte[] data) {

    public MonochromeBitmap {
        if (widthBytes <= 0 || heightDots <= 0 || data.length != widthBytes * heightDots) {
            throw new IllegalArgumentException("raster of " + widthBytes + "x" + heightDots + " needs "
                    + widthBytes * heightDots + " bytes, got " + data.length);
        }
    }

    public int widthDots() {
        return widthBytes * 8;
    }

    public boolean isBlack(int x, int y) {
        return (data[y * widthBytes + x / 8] & (0x80 >> (x % 8))) != 0;
    }

    /** Thresholds an image at half luminance; transparent pixels are white. */
    public static MonochromeBitmap fromImage(BufferedImage image) {
        int widthBytes = (image.getWidth() + 7) / 8;
        byte[] data = new byte[widthBytes * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int luminance = (299 * ((argb >> 16) & 0xFF) + 587 * ((argb >> 8) & 0xFF) + 114 * (argb & 0xFF)) / 1000;
                if (alpha >= 128 && luminance < 128) {
                    data[y * widthBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new MonochromeBitmap(widthBytes, image.getHeight(), data);
    }
}
