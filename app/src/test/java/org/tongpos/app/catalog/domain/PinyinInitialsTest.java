package org.tongpos.app.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinInitialsTest {

    private final PinyinInitials pinyin = new PinyinInitials();

    @Test
    void takesTheFirstLetterOfEachCharactersPinyin() {
        assertThat(pinyin.of("可口可乐")).isEqualTo("kkkl");
        assertThat(pinyin.of("康师傅红烧牛肉面")).isEqualTo("ksfhsnrm");
        assertThat(pinyin.of("农夫山泉")).isEqualTo("nfsq");
    }

    @Test
    void keepsLettersAndDigitsAndDropsTheRest() {
        assertThat(pinyin.of("可口可乐 330ml")).isEqualTo("kkkl330ml");
        assertThat(pinyin.of("娃哈哈AD钙奶（220g）")).isEqualTo("whhadgn220g");
    }
}
