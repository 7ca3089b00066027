package cn.canbao.hub.registry;

import cn.canbao.hub.standard.Names;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clean-up of quarantined records whose identity number is invalid (纠正错误): a registry person is a candidate when
 * the number as sent still shows the same address code and birth date as the person's number and the record's
 * text holds the person's normalised name as a whole word. An operator confirms or rejects a candidate; the
 * decision is kept per system and number as sent, and applied by itself when the same number comes again.
 */
@Component
public class QuarantineCleanup {

    /** A number-like run of digits in a record's text: 14 to 18 characters, the last possibly X. */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9A-Za-z])([0-9]{14,17}[0-9Xx]?)(?![0-9A-Za-z])");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public record Candidate(long id, long quarantineId, String system, String sourceRef, String numberAsGiven,
                            String candidateId, String candidateName, String matchedOn, String status,
                            String decidedBy, OffsetDateTime decidedAt) {
    }

    private record Quarantined(long id, String system, String raw) {
    }

    private record Person(String idNumber, String name) {
    }

    private static final String SELECT_CANDIDATE = """
            SELECT c.id, c.quarantine_id, c.system, q.source_ref, c.number_as_given, c.candidate_id, c.candidate_name,
                   c.matched_on, c.status, c.decided_by, c.decided_at
            FROM cleanup_candidate c JOIN quarantine q ON q.id = c.quarantine_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public QuarantineCleanup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Looks for candidates for every quarantined record with an identity-number error that has none yet (again
     * each time: the registry grows), applying remembered decisions.
     *
     * @return candidates found
     */
    public long findCandidates() {
        List<Quarantined> open = jdbc.query("""
                SELECT q.id, q.system, q.raw FROM quarantine q
                WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(q.errors) e
                              WHERE e ->> 'code' IN ('ID_FORMAT', 'ID_CHECKSUM', 'ID_BIRTHDATE', 'ID_PROVINCE'))
                  AND NOT EXISTS (SELECT 1 FROM cleanup_candidate c WHERE c.quarantine_id = q.id)
                ORDER BY q.id
                """, new MapSqlParameterSource(), (rs, n) -> new Quarantined(rs.getLong(1), rs.getString(2),
                rs.getString(3)));
        long found = 0;
        for (Quarantined record : open) {
            found += match(record);
        }
        return found;
    }

    private long match(Quarantined record) {
        String text = Names.normalise(record.raw()).normalised();
        Matcher numbers = NUMBER.matcher(record.raw());
        long found = 0;
        while (numbers.find()) {
            String asGiven = numbers.group(1);
            Optional<String> prefix = addressAndBirth(asGiven);
            if (prefix.isEmpty()) {
                continue;
            }
            List<Person> sameAddressAndBirth = jdbc.query("""
                    SELECT id_number, name FROM registry_person
                    WHERE id_number BETWEEN :low AND :high AND name IS NOT NULL
                    """, new MapSqlParameterSource("low", prefix.get() + "0000").addValue("high", prefix.get() + "999X"),
                    (rs, n) -> new Person(rs.getString(1), rs.getString(2)));
            for (Person person : sameAddressAndBirth) {
                if (!person.idNumber().equals(asGiven) && containsWord(text, person.name())) {
                    found += jdbc.update("""
                            INSERT INTO cleanup_candidate (quarantine_id, system, number_as_given, candidate_id,
                                candidate_name, matched_on, status, decided_by, decided_at, found_at)
                            SELECT :quarantineId, :system, :asGiven, :candidate, :name,
                                   'name, address code and birth date', coalesce(d.decision, 'PENDING'),
                                   CASE WHEN d.decision IS NOT NULL THEN 'remembered: ' || d.decided_by END,
                                   CASE WHEN d.decision IS NOT NULL THEN now() END, now()
                            FROM (SELECT 1) one
                            LEFT JOIN cleanup_decision d ON d.system = :system AND d.number_as_given = :asGiven
                                                        AND d.candidate_id = :candidate
                            ON CONFLICT (quarantine_id, candidate_id) DO NOTHING
                            """, new MapSqlParameterSource("quarantineId", record.id())
                            .addValue("system", record.system()).addValue("asGiven", asGiven)
                            .addValue("candidate", person.idNumber()).addValue("name", person.name()));
                }
            }
        }
        return found;
    }

    /** The 6-digit address code and 8-digit birth date a number as sent shows, if they are a real date. */
    static Optional<String> addressAndBirth(String asGiven) {
        String prefix = asGiven.length() == 15
                ? asGiven.substring(0, 6) + "19" + asGiven.substring(6, 12)
                : asGiven.substring(0, 14);
        try {
            LocalDate.parse(prefix.substring(6), BIRTH);
            return Optional.of(prefix);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the name occurs in the text with no letter directly before or after it (张三 is not in 张三丰). */
    static boolean containsWord(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean startsWord = at == 0 || !Character.isLetter(text.codePointBefore(at));
            boolean endsWord = end == text.length() || !Character.isLetter(text.codePointAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    public List<Candidate> list(String status, int limit) {
        return jdbc.query(SELECT_CANDIDATE + "WHERE c.status = :status ORDER BY c.id LIMIT :limit",
                new MapSqlParameterSource("status", status).addValue("limit", limit), (rs, n) -> candidate(rs));
    }

    /** The quarantined records an operator confirmed as this person. */
    public List<Candidate> confirmedFor(String idNumber) {
        return jdbc.query(SELECT_CANDIDATE + "WHERE c.candidate_id = :idNumber AND c.status = 'CONFIRMED' ORDER BY c.id",
                new MapSqlParameterSource("idNumber", idNumber), (rs, n) -> candidate(rs));
    }

    /**
     * Records an operator's decision on a candidate, remembers it for the number as sent, and applies it to every
     * pending candidate of the same system, number and person.
     *
     * @param confirmed true: the record is this person; false: it is not
     * @return the decided candidate, empty when there is no candidate with this id
     */
    @Transactional
    public Optional<Candidate> decide(long candidateId, boolean confirmed, String operator) {
        MapSqlParameterSource decision = new MapSqlParameterSource("id", candidateId)
                .addValue("decision", confirmed ? "CONFIRMED" : "REJECTED").addValue("operator", operator);
        int remembered = jdbc.update("""
                INSERT INTO cleanup_decision (system, number_as_given, candidate_id, decision, decided_by, decided_at)
                SELECT system, number_as_given, candidate_id, :decision, :operator, now()
                FROM cleanup_candidate WHERE id = :id
                ON CONFLICT (system, number_as_given, candidate_id)
                DO UPDATE SET decision = EXCLUDED.decision, decided_by = EXCLUDED.decided_by,
                              decided_at = EXCLUDED.decided_at
                """, decision);
        if (remembered == 0) {
            return Optional.empty();
        }
        jdbc.update("""
                UPDATE cleanup_candidate c SET status = :decision, decided_by = :operator, decided_at = now()
                FROM cleanup_candidate decided
                WHERE decided.id = :id AND (c.id = :id OR (c.status = 'PENDING' AND c.system = decided.system
                      AND c.number_as_given = decided.number_as_given AND c.candidate_id = decided.candidate_id))
                """, decision);
        return jdbc.query(SELECT_CANDIDATE + "WHERE c.id = :id", decision, (rs, n) -> candidate(rs)).stream()
                .findFirst();
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class));
    }
}
