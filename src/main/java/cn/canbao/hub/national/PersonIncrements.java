package cn.canbao.hub.national;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.Envelope;
import cn.canbao.hub.model.Facts;
import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Participation;
import cn.canbao.hub.model.Person;
import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.model.SourceReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PERSON_INCREMENT (spec §5): every person the registry changed since the last increment, in the canonical
 * person-insurance form, in messages of at most {@code canbao.national.increment-batch} records. The changes come
 * from the registry's change log, which each refresh writes in its own transaction; the increment, its messages in
 * the national outbox and the new watermark are written in one transaction, so a crash neither loses nor repeats
 * an increment. Daily (route national-increment) and on demand (POST /api/v1/national/increments).
 */
@Component("personIncrements")
public class PersonIncrements {

    private static final Logger log = LoggerFactory.getLogger(PersonIncrements.class);

    /** One increment as stored: the change log's range, what it carried, and its messages. */
    public record Increment(long id, String trigger, OffsetDateTime writtenAt, long fromSeq, long toSeq,
                            long persons, int messages, long messagesSent, List<String> messageIds) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    /** Reads the changed persons through a cursor, a batch at a time: the first increment carries everyone. */
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate transaction;
    private final NationalProperties properties;
    private final Clock clock;

    public PersonIncrements(DataSource dataSource, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                            NationalProperties properties, @Value("${canbao.time-zone}") String timeZone) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(properties.incrementBatch());
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.transaction = transaction;
        this.properties = properties;
        this.clock = Clock.system(ZoneId.of(timeZone));
    }

    /** The daily increment (route national-increment). */
    public void sendDaily() {
        send("CRON");
    }

    /** Writes the increment of every change up to now into the outbox and returns it as stored. */
    public Increment send(String trigger) {
        long toSeq = transaction.execute(status -> {
            jdbc.queryForList(statement("registry-settled"), Map.of());
            return jdbc.queryForObject(statement("change-log-end"), Map.of(), Long.class);
        });
        long id = transaction.execute(status -> write(trigger, toSeq));
        Increment increment = find(id);
        log.info("PERSON_INCREMENT {} ({}): {} persons in {} messages, change log {} to {}", increment.id(), trigger,
                increment.persons(), increment.messages(), increment.fromSeq(), increment.toSeq());
        return increment;
    }

    private long write(String trigger, long settledEnd) {
        long fromSeq = jdbc.queryForObject(statement("increment-position"), Map.of(), Long.class);
        long toSeq = Math.max(fromSeq, settledEnd);
        OffsetDateTime now = OffsetDateTime.now(clock);
        MapSqlParameterSource range = new MapSqlParameterSource("trigger", trigger).addValue("now", now)
                .addValue("fromSeq", fromSeq).addValue("toSeq", toSeq);
        long id = jdbc.queryForObject(statement("increment-begin"), range, Long.class);
        range.addValue("incrementId", id);
        Batches batches = new Batches(id, now);
        if (toSeq > fromSeq) {
            streaming.query(statement("increment-persons"), range, batches::add);
            batches.flush();
        }
        jdbc.update(statement("increment-end"), range.addValue("persons", batches.persons)
                .addValue("messages", batches.messages));
        jdbc.update(statement("change-log-trim"), range);
        return id;
    }

    /**
     * The rows of increment-persons.sql (a person's rows one after the other, one per participation) gathered into
     * records, and the records into messages of increment-batch records, each written to the outbox when full.
     */
    private final class Batches {

        private final long incrementId;
        private final OffsetDateTime now;
        private final List<PersonInsuranceMessage> records = new ArrayList<>();
        private Person person;
        private String system;
        private OffsetDateTime mergedAt;
        private List<Participation> participations;
        private long persons;
        private int messages;

        Batches(long incrementId, OffsetDateTime now) {
            this.incrementId = incrementId;
            this.now = now;
        }

        void add(ResultSet row) throws SQLException {
            if (person == null || !person.idNumber().equals(row.getString("id_number"))) {
                endPerson();
                person = person(row);
                system = row.getString("name_system");
                mergedAt = row.getObject("merged_at", OffsetDateTime.class);
                participations = new ArrayList<>();
            }
            if (row.getString("scheme") != null) {
                participations.add(participation(row));
            }
        }

        /** The person read so far becomes a record; a full message goes to the outbox. */
        private void endPerson() {
            if (person == null) {
                return;
            }
            records.add(new PersonInsuranceMessage(
                    new Envelope(UUID.randomUUID().toString(), PersonInsuranceMessage.SCHEMA_VERSION, system, null,
                            mergedAt, Operation.UPDATE, null),
                    person, participations, Facts.NONE, List.of()));
            person = null;
            if (records.size() == properties.incrementBatch()) {
                write();
            }
        }

        void flush() {
            endPerson();
            write();
        }

        private void write() {
            if (records.isEmpty()) {
                return;
            }
            String messageId = UUID.randomUUID().toString();
            jdbc.update(statement("outbox-increment"), new MapSqlParameterSource("messageId", messageId)
                    .addValue("body", body(records)).addValue("records", records.size())
                    .addValue("incrementId", incrementId).addValue("now", now));
            persons += records.size();
            messages++;
            records.clear();
        }
    }

    private static Person person(ResultSet row) throws SQLException {
        return new Person(row.getString("id_number"), IdNumberOrigin.AS_GIVEN, null, row.getString("name"), null,
                row.getString("sex"), row.getString("ethnicity"), localDate(row.getDate("birth_date")),
                row.getString("population_category"), row.getString("household_region"),
                row.getString("residence_region"), row.getString("vital_status"), row.getString("address"),
                localDate(row.getDate("status_changed_on")));
    }

    private static Participation participation(ResultSet row) throws SQLException {
        Date lastPaid = row.getDate("last_paid_month");
        return new Participation(row.getString("scheme"), row.getString("insured_region"),
                row.getString("employer_id"), null, row.getString("contribution_status"),
                row.getString("person_status"), localDate(row.getDate("start_date")),
                localDate(row.getDate("end_date")), lastPaid == null ? null : YearMonth.from(lastPaid.toLocalDate()));
    }

    /** The message body {"records": […]} as UTF-8 bytes, written once: no string of a million characters. */
    private static byte[] body(List<PersonInsuranceMessage> records) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(Map.of("records", records));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a PERSON_INCREMENT body", e);
        }
    }

    /** The latest increments, newest first. */
    public List<Increment> list(int limit) {
        return jdbc.query(statement("increments"), Map.of("limit", limit), (row, n) -> increment(row));
    }

    private Increment find(long id) {
        return jdbc.queryForObject(statement("increment"), Map.of("incrementId", id), (row, n) -> increment(row));
    }

    private static Increment increment(ResultSet row) throws SQLException {
        String ids = row.getString("message_ids");
        return new Increment(row.getLong("id"), row.getString("trigger"),
                row.getObject("written_at", OffsetDateTime.class), row.getLong("from_seq"), row.getLong("to_seq"),
                row.getLong("persons"), row.getInt("messages"), row.getLong("sent"),
                ids.isEmpty() ? List.of() : List.of(ids.split(",")));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String statement(String name) {
        return CompareRequests.statement(name);
    }
}
