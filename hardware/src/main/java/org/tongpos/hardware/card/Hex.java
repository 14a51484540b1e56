package org.tongpos.hardware.card;

import java.util.HexFormat;

final class Hex {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Hex() {
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] parse(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }
}
