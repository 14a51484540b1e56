package org.tongpos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    private static final String KEY = "c2VjcmV0LWtleS1mb3ItdGhlLWJhbmstMDEyMzQ1Njc=";

    @Test
    void masksKeysPasswordsAndCredentialsButLeavesOrdinaryTextAlone() {
        assertThat(SecretMasking.mask("bank.key=" + KEY)).isEqualTo("bank.key=********");
        assertThat(SecretMasking.mask("the key " + KEY + " was refused")).isEqualTo("the key ******** was refused");
        assertThat(SecretMasking.mask("device.face.password=hunter2 device.face=sim:"))
                .isEqualTo("device.face.password=******** device.face=sim:");
        assertThat(SecretMasking.mask("{\"pin\":\"1234\",\"name\":\"王芳\"}")).isEqualTo("{\"pin\":\"********\",\"name\":\"王芳\"}");
        assertThat(SecretMasking.mask("hikvision:https://admin:s3cret@10.0.0.5/"))
                .isEqualTo("hikvision:https://admin:********@10.0.0.5/");
        assertThat(SecretMasking.mask("Authorization: TPOS1-HMAC-SHA256 Credential=T0001,Signature=abcdef"))
                .doesNotContain("Signature=abcdef");
        String ordinary = "sale T0001-00000012 total 3.00 key.search=F2 store.name=通商便民超市 6920000000012";
        assertThat(SecretMasking.mask(ordinary)).isEqualTo(ordinary);
    }
}
