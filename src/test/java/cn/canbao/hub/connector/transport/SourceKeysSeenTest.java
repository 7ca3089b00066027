package cn.canbao.hub.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Repeated source keys within one file are recognised as the file streams by, each pointing at its first record. */
class SourceKeysSeenTest {

    @Test
    void aKeyStatedAgainPointsAtTheRecordThatStatedItFirst() {
        SourceKeysSeen seen = new SourceKeysSeen();

        assertThat(seen.firstRecordOf("630102194001010002", 1)).isZero();
        assertThat(seen.firstRecordOf("630103194101010006", 2)).isZero();
        assertThat(seen.firstRecordOf("630102194001010002", 3)).isEqualTo(1);
        assertThat(seen.firstRecordOf("630102194001010002", 4)).isEqualTo(1);
        assertThat(seen.firstRecordOf("630103194101010006", 5)).isEqualTo(2);
    }

    @Test
    void keysThatDifferOnlyInOneCharacterOrInOrderAreDifferent() {
        SourceKeysSeen seen = new SourceKeysSeen();

        assertThat(seen.firstRecordOf("63010219400101000X", 1)).isZero();
        assertThat(seen.firstRecordOf("630102194001010009", 2)).isZero();
        assertThat(seen.firstRecordOf("ab", 3)).isZero();
        assertThat(seen.firstRecordOf("ba", 4)).isZero();
        assertThat(seen.firstRecordOf("", 5)).isZero();
    }

    @Test
    void remembersEveryKeyOfALargeFileAcrossItsGrowth() {
        SourceKeysSeen seen = new SourceKeysSeen();
        int keys = 300_000;
        for (int i = 1; i <= keys; i++) {
            assertThat(seen.firstRecordOf("K" + i, i)).isZero();
        }
        for (int i = 1; i <= keys; i++) {
            assertThat(seen.firstRecordOf("K" + i, keys + i)).isEqualTo(i);
        }
    }
}
