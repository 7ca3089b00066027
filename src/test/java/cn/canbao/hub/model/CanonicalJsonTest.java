package cn.canbao.hub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {

    static List<String> samples() {
        return Samples.names();
    }

    static PersonInsuranceMessage pensionMessage(OffsetDateTime receivedAt) {
        Envelope envelope = new Envelope("m-1", PersonInsuranceMessage.SCHEMA_VERSION, "PENSION",
                SourceReference.ofFile("PENSION_630000_20171015_001.txt", 17), receivedAt, Operation.UPDATE, null);
        Person person = new Person("630102198001011230", IdNumberOrigin.AS_GIVEN, null, "张三", null, "1", "01",
                LocalDate.of(1980, 1, 1), null, null, null, null, null, null);
        Participation participation = new Participation("170", "630102", null, null, "1", "1",
                LocalDate.of(2011, 7, 1), null, YearMonth.of(2017, 9));
        return new PersonInsuranceMessage(envelope, person, List.of(participation), null, null);
    }

    @Test
    void writesIsoDatesMonthsAndTimestampsWithTheirOffset() {
        String json = CanonicalJson.write(pensionMessage(OffsetDateTime.of(2017, 10, 15, 8, 0, 3, 0, ZoneOffset.ofHours(8))));

        assertThat(json)
                .contains("\"birthDate\":\"1980-01-01\"")
                .contains("\"startDate\":\"2011-07-01\"")
                .contains("\"lastPaidMonth\":\"2017-09\"")
                .contains("\"receivedAt\":\"2017-10-15T08:00:03+08:00\"");
    }

    @Test
    void writesSecondsEvenWhenTheyAreZero() {
        String json = CanonicalJson.write(pensionMessage(OffsetDateTime.of(2017, 10, 15, 8, 0, 0, 0, ZoneOffset.ofHours(8))));

        assertThat(json).contains("\"receivedAt\":\"2017-10-15T08:00:00+08:00\"");
    }

    @Test
    void omitsAbsentValuesAndWritesEmptyListsAsEmptyArrays() {
        String json = CanonicalJson.write(pensionMessage(OffsetDateTime.parse("2017-10-15T08:00:03+08:00")));

        assertThat(json).doesNotContain("null").doesNotContain("employerId").doesNotContain("facts")
                .contains("\"warnings\":[]");
    }

    @Test
    void keepsTheOffsetOfATimestampWhenReading() {
        PersonInsuranceMessage message = CanonicalJson.read(Samples.text("pension-event.json"));

        assertThat(message.envelope().occurredAt()).isEqualTo(OffsetDateTime.parse("2017-10-15T09:30:00+08:00"));
        assertThat(message.envelope().occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writesEverySampleBackExactlyAsItWasRead(String sample) {
        PersonInsuranceMessage read = CanonicalJson.read(Samples.text(sample));
        String written = CanonicalJson.write(read);

        assertThat(Samples.treeOf(written)).isEqualTo(Samples.tree(sample));
        assertThat(CanonicalJson.read(written)).isEqualTo(read);
        assertThat(CanonicalJson.write(CanonicalJson.read(written))).isEqualTo(written);
    }

    @Test
    void ignoresAPropertyALaterVersionOneAdded() {
        String withNewOptionalField = Samples.text("card.json").replace("\"name\": \"张三\",", "\"name\": \"张三\", \"phone\": \"13800000000\",");

        assertThat(withNewOptionalField).contains("phone");
        assertThat(CanonicalJson.read(withNewOptionalField)).isEqualTo(CanonicalJson.read(Samples.text("card.json")));
    }

    @Test
    void refusesTextThatIsNoCanonicalMessage() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"envelope\": ")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> CanonicalJson.read("{\"person\": {\"birthDate\": \"15.10.2017\"}}"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anEnvelopeBuiltWithoutASourceTimeHasNone() {
        Envelope envelope = new Envelope("m-1", "1", "CARD", null, null, Operation.SNAPSHOT, null);

        assertThat(envelope.occurredAt()).isNull();
    }
}
