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
 * decision is kept per system and number as sent, and applied by itself when the same number comes again
 * (sql/registry/cleanup/).
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

    private static final String OPEN = SqlStatements.named("registry/cleanup/open");
    private static final String PERSONS = SqlStatements.named("registry/cleanup/persons");
    private static final String CANDIDATE_FOUND = SqlStatements.named("registry/cleanup/candidate-found");
    private static final String CANDIDATES = SqlStatements.named("registry/cleanup/candidates");
    private static final String CONFIRMED = SqlStatements.named("registry/cleanup/confirmed");
    private static final String CANDIDATE = SqlStatements.named("registry/cleanup/candidate");
    private static final String REMEMBER_DECISION = SqlStatements.named("registry/cleanup/remember-decision");
    private static final String APPLY_DECISION = SqlStatements.named("registry/cleanup/apply-decision");

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
        List<Quarantined> open = jdbc.query(OPEN, new MapSqlParameterSource(),
                (rs, n) -> new Quarantined(rs.getLong(1), rs.getString(2), rs.getString(3)));
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
            MapSqlParameterSource range = new MapSqlParameterSource("low", prefix.get() + "0000")
                    .addValue("high", prefix.get() + "999X");
            List<Person> sameAddressAndBirth = jdbc.query(PERSONS, range,
                    (rs, n) -> new Person(rs.getString(1), rs.getString(2)));
            for (Person person : sameAddressAndBirth) {
                if (!person.idNumber().equals(asGiven) && containsWord(text, person.name())) {
                    found += jdbc.update(CANDIDATE_FOUND, new MapSqlParameterSource("quarantineId", record.id())
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
        return jdbc.query(CANDIDATES, new MapSqlParameterSource("status", status).addValue("limit", limit),
                (rs, n) -> candidate(rs));
    }

    /** The quarantined records an operator confirmed as this person. */
    public List<Candidate> confirmedFor(String idNumber) {
        return jdbc.query(CONFIRMED, new MapSqlParameterSource("idNumber", idNumber), (rs, n) -> candidate(rs));
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
        int remembered = jdbc.update(REMEMBER_DECISION, decision);
        if (remembered == 0) {
            return Optional.empty();
        }
        jdbc.update(APPLY_DECISION, decision);
        return jdbc.query(CANDIDATE, decision, (rs, n) -> candidate(rs)).stream().findFirst();
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class));
    }
}
