package cn.canbao.hub.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agreement check names each disagreement, and only those; the gate's own test plants one in a real run. */
class AgreementTest {

    private static final String ID = "630102198001011230";

    @Test
    void agreesWhenEveryPersonAndEveryQuarantinedRecordIsAsExpected() {
        Agreement agreement = new Agreement();
        agreement.compare(expected("LAPSED", null, Set.of("STUDENT"), Set.of("390")),
                new Agreement.Actual(ID, "LAPSED", null, Set.of("STUDENT"), Set.of("390")));
        agreement.compareQuarantine(Set.of("CARD CARD_630000_20171015_001.csv 7 ID_CHECKSUM"),
                Set.of("CARD CARD_630000_20171015_001.csv 7 ID_CHECKSUM"));

        assertThat(agreement.agrees()).isTrue();
        assertThat(agreement.report()).contains("AGREE");
    }

    @Test
    void reportsAPersonWhoseCategoryDiffersWithTheNumberMasked() {
        Agreement agreement = new Agreement();
        agreement.compare(expected("PARTIAL", null, Set.of(), Set.of("170")),
                new Agreement.Actual(ID, "INSURED", null, Set.of(), Set.of()));

        assertThat(agreement.disagreementLines()).singleElement().asString()
                .startsWith("630102********1230 (RESIDENT): expected PARTIAL missing [170], actual INSURED")
                .doesNotContain(ID);
        assertThat(agreement.report()).contains("DISAGREE: 1 disagreements");
    }

    @Test
    void reportsDifferentFlagsAndMissingSchemesOfAnAgreeingCategory() {
        Agreement flags = new Agreement();
        flags.compare(expected("INSURED", null, Set.of("DUPLICATE"), Set.of()),
                new Agreement.Actual(ID, "INSURED", null, Set.of(), Set.of()));
        Agreement missing = new Agreement();
        missing.compare(expected("LAPSED", null, Set.of(), Set.of("310")),
                new Agreement.Actual(ID, "LAPSED", null, Set.of(), Set.of("390")));

        assertThat(flags.disagreementLines()).singleElement().asString().contains("flags expected [DUPLICATE]");
        assertThat(missing.disagreementLines()).singleElement().asString()
                .contains("缺少险种 expected [310], actual [390]");
    }

    @Test
    void reportsPersonsOneSideLacksAndQuarantineEntriesMissingOrUnexpected() {
        Agreement agreement = new Agreement();
        agreement.compare(expected("INSURED", null, Set.of(), Set.of()), null);
        agreement.compare(null, new Agreement.Actual("630102198001021237", "UNINSURED", null, Set.of(), Set.of()));
        agreement.compareQuarantine(Set.of("PENSION PENSION_630000_20171015_001.txt 3 ID_CHECKSUM"),
                Set.of("MEDICAL MEDICAL_630000_20171015_001.xml 9 CODE_UNKNOWN"));

        assertThat(agreement.disagreements()).isEqualTo(4);
        assertThat(agreement.report()).contains("quarantine: 0 of 1 expected entries found");
    }

    private static Truth.Expected expected(String category, String exclusion, Set<String> flags, Set<String> missing) {
        return new Truth.Expected(ID, "RESIDENT", category, exclusion, flags, missing);
    }
}
