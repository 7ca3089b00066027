package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumbersTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2017, 10, 15);
    private static final IdentityNumbers ON_15_OCTOBER_2017 =
            new IdentityNumbers(Clock.fixed(TODAY.atTime(12, 0).atZone(CHINA).toInstant(), CHINA));

    private static String withCheckCharacter(String first17) {
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, 1949-12-31, 2",
            "440524188001010014, 1880-01-01, 1",
            "11010219840406970X, 1984-04-06, 2",
            "53010219200508011X, 1920-05-08, 1",
            "420111198203251029, 1982-03-25, 2",
            "34052419800101001X, 1980-01-01, 1"})
    void acceptsTheValidNumbersOfTheStandardAndReadsBirthDateAndSex(String number, LocalDate birthDate, String sex) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(number);

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.idNumber()).isEqualTo(number);
        assertThat(check.upgradedFrom15()).isFalse();
        assertThat(check.birthDate()).isEqualTo(birthDate);
        assertThat(check.sex()).isEqualTo(sex);
        assertThat(IdentityNumbers.checkCharacter(number.substring(0, 17))).isEqualTo(number.charAt(17));
    }

    static Stream<Arguments> everyWrongCheckCharacterOfTheValidNumbers() {
        List<Arguments> cases = new ArrayList<>();
        for (String valid : List.of("11010519491231002X", "440524188001010014", "11010219840406970X",
                "53010219200508011X", "420111198203251029", "34052419800101001X")) {
            char right = valid.charAt(17);
            for (char wrong : "0123456789X".toCharArray()) {
                if (wrong != right) {
                    cases.add(Arguments.of(valid.substring(0, 17) + wrong, right));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("everyWrongCheckCharacterOfTheValidNumbers")
    void rejectsEveryWrongCheckCharacterNamingTheRightOne(String number, char right) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(number);

        assertThat(check.error()).isEqualTo(ErrorCode.ID_CHECKSUM);
        assertThat(check.message()).isEqualTo("check character should be " + right);
        assertThat(check.idNumber()).isNull();
        assertThat(check.birthDate()).isNull();
        assertThat(check.sex()).isNull();
    }

    @Test
    void rejectsTheCommonFixtureWhoseCheckCharacterIsWrong() {
        IdNumberCheck check = ON_15_OCTOBER_2017.check("110105195001010014");

        assertThat(check.error()).isEqualTo(ErrorCode.ID_CHECKSUM);
        assertThat(check.message()).isEqualTo("check character should be 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19800230", "19000229", "19801301", "19800001", "19800100", "19800132", "00000000"})
    void rejectsABirthDateThatIsNoRealDate(String birth) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(withCheckCharacter("630102" + birth + "123"));

        assertThat(check.error()).isEqualTo(ErrorCode.ID_BIRTHDATE);
        assertThat(check.message()).contains(birth).contains("not a real date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17991231", "10000101"})
    void rejectsABirthYearBeforeAnyoneAliveWhenNumbersWereIssued(String birth) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(withCheckCharacter("630102" + birth + "123"));

        assertThat(check.error()).isEqualTo(ErrorCode.ID_BIRTHDATE);
        assertThat(check.message()).contains(birth).contains("before 1800");
    }

    @ParameterizedTest
    @CsvSource({"20000229, 2000-02-29", "19960229, 1996-02-29", "18000101, 1800-01-01", "20171015, 2017-10-15"})
    void acceptsLeapDaysTheEarliestYearAndToday(String birth, LocalDate expected) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(withCheckCharacter("630102" + birth + "123"));

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.birthDate()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20171016", "20180101", "29991231"})
    void rejectsABirthDateAfterTodayOfTheClock(String birth) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(withCheckCharacter("630102" + birth + "123"));

        assertThat(check.error()).isEqualTo(ErrorCode.ID_BIRTHDATE);
        assertThat(check.message()).contains(birth).contains("future");
    }

    @Test
    void acceptsTomorrowsBirthDateOnceTheClockHasReachedIt() {
        AdjustableClock clock = new AdjustableClock(TODAY.atStartOfDay(CHINA).toInstant(), CHINA);
        IdentityNumbers numbers = new IdentityNumbers(clock);
        String bornTomorrow = withCheckCharacter("63010220171016123");

        assertThat(numbers.check(bornTomorrow).error()).isEqualTo(ErrorCode.ID_BIRTHDATE);
        clock.now = TODAY.plusDays(1).atStartOfDay(CHINA).toInstant();
        assertThat(numbers.check(bornTomorrow).ok()).isTrue();
    }

    @Test
    void judgesTheFutureByTheCalendarDateInChinaForTheStandardInstance() {
        // 00:30 on 16 October in Beijing is still 15 October in UTC
        Clock justAfterMidnightInChina = Clock.fixed(Instant.parse("2017-10-15T16:30:00Z"), CHINA);

        assertThat(new IdentityNumbers(justAfterMidnightInChina).check(withCheckCharacter("63010220171016123")).ok()).isTrue();
        assertThat(new IdentityNumbers(Clock.fixed(Instant.parse("2017-10-15T16:30:00Z"), ZoneOffset.UTC))
                .check(withCheckCharacter("63010220171016123")).error()).isEqualTo(ErrorCode.ID_BIRTHDATE);
    }

    @Test
    void standardInstanceAcceptsABirthDateOfToday() {
        String bornToday = withCheckCharacter("630102" + LocalDate.now(CHINA).toString().replace("-", "") + "123");

        assertThat(IdentityNumbers.standard().check(bornToday).ok()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "11010519491231002x|11010519491231002X",
            "  11010519491231002X\t|11010519491231002X",
            "\u300011010519491231002x\u3000|11010519491231002X"})
    void acceptsLowercaseXAndSurroundingBlanksAndStoresTheCanonicalForm(String raw, String canonical) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(raw);

        assertThat(check.ok()).isTrue();
        assertThat(check.idNumber()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({
            "110105491231002, 11010519491231002X, 1949-12-31, 2",
            "630102800101123, 630102198001011230, 1980-01-01, 1",
            "632121960229004, 63212119960229004X, 1996-02-29, 2"})
    void convertsA15DigitLegacyNumberTo18AndRecordsTheConversion(String legacy, String upgraded, LocalDate birth, String sex) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(legacy);

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.idNumber()).isEqualTo(upgraded);
        assertThat(check.upgradedFrom15()).isTrue();
        assertThat(check.birthDate()).isEqualTo(birth);
        assertThat(check.sex()).isEqualTo(sex);
        assertThat(ON_15_OCTOBER_2017.check(upgraded).ok()).isTrue();
    }

    @Test
    void rejectsA15DigitNumberWithAnImpossibleBirthDate() {
        assertThat(ON_15_OCTOBER_2017.check("110105490231002").error()).isEqualTo(ErrorCode.ID_BIRTHDATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82"})
    void acceptsNumbersOfEveryProvinceLevelPrefix(String prefix) {
        assertThat(ON_15_OCTOBER_2017.check(withCheckCharacter(prefix + "010219800101123")).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70", "72",
            "80", "83", "90", "99"})
    void rejectsAnUnknownProvincePrefix(String prefix) {
        IdNumberCheck eighteen = ON_15_OCTOBER_2017.check(withCheckCharacter(prefix + "010219800101123"));
        IdNumberCheck fifteen = ON_15_OCTOBER_2017.check(prefix + "0102800101123");

        assertThat(eighteen.error()).isEqualTo(ErrorCode.ID_PROVINCE);
        assertThat(eighteen.message()).contains(prefix);
        assertThat(fifteen.error()).isEqualTo(ErrorCode.ID_PROVINCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"632100", "632121", "632124", "632721", "630111"})
    void acceptsHistoricalQinghaiAddressCodes(String historicalCode) {
        assertThat(ON_15_OCTOBER_2017.check(withCheckCharacter(historicalCode + "19750612051")).ok()).isTrue();
        assertThat(Regions.standard().isHistoricalAddressCode(historicalCode)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "11010519491231002|17 characters",
            "11010519491231002X1|19 characters",
            "1101051949123100|16 characters",
            "1101051949123100XX|position 17",
            "110105X9491231002X|position 7",
            "11010519491231002Y|position 18",
            "110105 9491231002X|position 7",
            "１１０１０５１９４９１２３１００２Ｘ|position 1",
            "11010549123100X|position 15",
            "110105-49123-002|16 characters"})
    void rejectsWhatIsNotAnIdentityNumberOfTheAllowedForm(String raw, String messagePart) {
        IdNumberCheck check = ON_15_OCTOBER_2017.check(raw);

        assertThat(check.error()).isEqualTo(ErrorCode.ID_FORMAT);
        assertThat(check.message()).contains(messagePart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000"})
    void reportsAnEmptyNumberAsMissing(String blank) {
        assertThat(ON_15_OCTOBER_2017.check(blank).error()).isEqualTo(ErrorCode.FIELD_MISSING);
        assertThat(ON_15_OCTOBER_2017.check(null).error()).isEqualTo(ErrorCode.FIELD_MISSING);
    }

    @Test
    void generatedValidNumbersGiveBackTheirBirthDateAndSex() {
        Random random = new Random(20171015L);
        List<String> addressCodes = List.of("630102", "630106", "630122", "632121", "632321", "632801", "632857",
                "110105", "440524", "510104", "820000", "710000", "650102");
        long firstDay = LocalDate.of(1900, 1, 1).toEpochDay();
        long days = TODAY.toEpochDay() - firstDay + 1;
        for (int i = 0; i < 20_000; i++) {
            String address = addressCodes.get(random.nextInt(addressCodes.size()));
            LocalDate birth = LocalDate.ofEpochDay(firstDay + random.nextInt((int) days));
            int sequence = random.nextInt(1000);
            String number = withCheckCharacter(address + birth.toString().replace("-", "") + String.format("%03d", sequence));

            IdNumberCheck check = ON_15_OCTOBER_2017.check(number);

            assertThat(check.ok()).as(number + ": " + check.message()).isTrue();
            assertThat(check.idNumber()).isEqualTo(number);
            assertThat(check.birthDate()).isEqualTo(birth);
            assertThat(check.sex()).isEqualTo(sequence % 2 == 1 ? "1" : "2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1101051949123100", "110105194912310021", "1101051949123100X"})
    void checkCharacterRefusesAnythingButSeventeenDigits(String notSeventeenDigits) {
        assertThatThrownBy(() -> IdentityNumbers.checkCharacter(notSeventeenDigits))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves forward, to show the check notices a new day. */
    private static final class AdjustableClock extends Clock {
        private final ZoneId zone;
        private Instant now;

        AdjustableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId otherZone) {
            return new AdjustableClock(now, otherZone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
