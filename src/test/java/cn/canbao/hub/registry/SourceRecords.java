package cn.canbao.hub.registry;

import cn.canbao.hub.model.Assistance;
import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.Card;
import cn.canbao.hub.model.Custody;
import cn.canbao.hub.model.Envelope;
import cn.canbao.hub.model.Facts;
import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Participation;
import cn.canbao.hub.model.Person;
import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.model.Student;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes canonical source records straight into source_record, as the intake would after mapping a file row:
 * one record per call, built from the model records and {@link CanonicalJson#write}. Source keys follow the
 * connectors: the identity number, plus scheme and insured region for the scheme systems.
 */
public final class SourceRecords {

    public static final OffsetDateTime RECEIVED = OffsetDateTime.of(2017, 10, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));

    private final JdbcTemplate jdbc;

    public SourceRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A POLICE record of a registered resident (RYLB 1) living where registered, vital status 0. */
    public long police(String id, String name, String township) {
        return police(id, name, "1", township, township, "0", null, "某某路1号", Operation.ADD, RECEIVED);
    }

    public long police(String id, String name, String category, String household, String residence, String vital,
                       LocalDate changedOn, String address, Operation operation, OffsetDateTime receivedAt) {
        Person person = new Person(id, IdNumberOrigin.AS_GIVEN, null, name, null, sexOf(id), "01", birthOf(id),
                category, household, residence, vital, address, changedOn);
        return write("POLICE", id, id, operation, receivedAt, person, List.of(), Facts.NONE);
    }

    public long card(String id, String name) {
        return write("CARD", id, id, Operation.UPDATE, RECEIVED, basic(id, name),
                List.of(), new Facts(null, null, null, new Card("C" + id.substring(8, 17), "630102", "1",
                        LocalDate.of(2015, 3, 1))));
    }

    /** A participation as its scheme system states it; {@code lastPaid} may be null. */
    public long participation(String id, String scheme, String region, String contribution, String personStatus,
                              YearMonth lastPaid) {
        return participation(id, "某人", scheme, region, contribution, personStatus, lastPaid);
    }

    public long participation(String id, String name, String scheme, String region, String contribution,
                              String personStatus, YearMonth lastPaid) {
        return participation(id, name, scheme, region, contribution, personStatus, lastPaid, Operation.UPDATE,
                RECEIVED);
    }

    /** The participation stated with {@code operation} (SNAPSHOT in a full file) at {@code receivedAt}. */
    public long participation(String id, String name, String scheme, String region, String contribution,
                              String personStatus, YearMonth lastPaid, Operation operation,
                              OffsetDateTime receivedAt) {
        boolean resident = scheme.equals("170") || scheme.equals("390");
        Participation participation = new Participation(scheme, region, resident ? null : "91630100MA000000X1",
                resident ? null : "某某公司", contribution, personStatus, LocalDate.of(2010, 1, 1), null, lastPaid);
        return write(systemOf(scheme), id, participationKey(id, scheme, region), operation, receivedAt,
                basic(id, name), List.of(participation), Facts.NONE);
    }

    /** A DELETE of the participation's key, as its scheme system ends it; the record lists no participation. */
    public long deleteParticipation(String id, String scheme, String region, OffsetDateTime receivedAt) {
        return write(systemOf(scheme), id, participationKey(id, scheme, region), Operation.DELETE, receivedAt,
                basic(id, "某人"), List.of(), Facts.NONE);
    }

    /**
     * A full snapshot of the scheme's system received at {@code receivedAt} (its file accepted, kind FULL) that lists
     * one participation: every key of that system last stated before it and not listed is no longer current.
     */
    public long fullSnapshot(String listedId, String scheme, String region, YearMonth lastPaid,
                             OffsetDateTime receivedAt) {
        String system = systemOf(scheme);
        long file = jdbc.queryForObject("INSERT INTO intake_file (system, file_name, sha256, kind, status, "
                + "disposition, received_at, records, accepted, rejected, receipt) VALUES (?, ?, "
                + "md5(random()::text) || md5(random()::text), 'FULL', 'ACCEPTED', '.done', ?, 1, 1, 0, '{}') "
                + "RETURNING id", Long.class, system, system + "_630000_"
                + receivedAt.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE) + "_001_FULL.txt",
                receivedAt);
        long record = participation(listedId, "某人", scheme, region, "1", null, lastPaid, Operation.SNAPSHOT,
                receivedAt);
        jdbc.update("UPDATE source_record SET intake_file_id = ? WHERE id = ?", file, record);
        return record;
    }

    public long student(String id) {
        return write("EDUCATION", id, id, Operation.UPDATE, RECEIVED, basic(id, "某学生"), List.of(),
                new Facts(new Student("G" + id, "青海大学", "630104", "高校", YearMonth.of(2016, 9), "630102"),
                        null, null, null));
    }

    public long custody(String id, LocalDate from, LocalDate until, String status) {
        return custody(id, from, until, status, RECEIVED);
    }

    public long custody(String id, LocalDate from, LocalDate until, String status, OffsetDateTime receivedAt) {
        return write("JUSTICE", id, id, Operation.UPDATE, receivedAt, basic(id, "某人"), List.of(),
                new Facts(null, new Custody(from, until, "青海省某监狱", "630121", status), null, null));
    }

    public long assistance(String id, LocalDate from, LocalDate to) {
        return write("CIVIL", id, id, Operation.ADD, RECEIVED, basic(id, "某人"), List.of(),
                new Facts(null, null, new Assistance("02", "630102001", from, to), null));
    }

    /** What a national COMPARE_RESULT says: the person holds {@code scheme} in {@code province}. */
    public void insuredElsewhere(String id, String province, String scheme, String status) {
        jdbc.update("INSERT INTO national_insured_elsewhere (id_number, province, scheme, status, message_id, "
                + "received_at) VALUES (?, ?, ?, ?, ?, now())", id, province, scheme, status, UUID.randomUUID().toString());
    }

    public long write(String system, String id, String sourceKey, Operation operation, OffsetDateTime receivedAt,
                      Person person, List<Participation> participations, Facts facts) {
        Envelope envelope = new Envelope(UUID.randomUUID().toString(), PersonInsuranceMessage.SCHEMA_VERSION, system,
                SourceReference.ofFile(system + "_630000_20171001_001.txt", 1), receivedAt, operation, null);
        String payload = CanonicalJson.write(new PersonInsuranceMessage(envelope, person, participations, facts,
                List.of()));
        return jdbc.queryForObject("INSERT INTO source_record (system, id_number, source_key, operation, intake_key, "
                        + "received_at, payload) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSON)) RETURNING id", Long.class,
                system, id, sourceKey, operation.name(), "test:" + UUID.randomUUID(), receivedAt, payload);
    }

    private static String participationKey(String id, String scheme, String region) {
        return id + "|" + scheme + "|" + region;
    }

    private static Person basic(String id, String name) {
        return new Person(id, IdNumberOrigin.AS_GIVEN, null, name, null, sexOf(id), null, birthOf(id), null, null,
                null, null, null, null);
    }

    private static String systemOf(String scheme) {
        return switch (scheme) {
            case "110", "120", "170" -> "PENSION";
            case "310", "390" -> "MEDICAL";
            case "210" -> "UNEMPLOYMENT";
            case "410" -> "INJURY";
            case "510" -> "MATERNITY";
            default -> throw new IllegalArgumentException("not a scheme: " + scheme);
        };
    }

    static String sexOf(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    static LocalDate birthOf(String id) {
        return LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
    }
}
