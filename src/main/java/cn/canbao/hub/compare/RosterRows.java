package cn.canbao.hub.compare;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.registry.SqlStatements;
import cn.canbao.hub.standard.Region;
import cn.canbao.hub.standard.Regions;
import cn.canbao.hub.standard.Schemes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams the rostered persons of a run for one county or township from the database, sorted by township code and
 * identity number (spec §7.1), without holding them: the CSV file and the survey API both read through here.
 * Name, sex and address are those the run saw (kept in the result), so a run's roster reads only its own partition.
 */
@Component
public class RosterRows {

    private static final Map<String, String> CATEGORY_TEXT = Map.of(
            "UNINSURED", "未参保", "LAPSED", "断保", "PARTIAL", "未参齐险种");
    private static final Map<String, String> SEX_TEXT = Map.of("1", "男", "2", "女", "0", "未知", "9", "未说明");
    private static final Map<String, String> EXPECTATION_TEXT = Schemes.programme().expectations().stream()
            .collect(Collectors.toMap(Schemes.Expectation::code, Schemes.Expectation::name));

    private static final String SETTINGS = SqlStatements.named("compare/roster-settings");
    private static final String ROSTER = SqlStatements.named("compare/roster");
    private static final String ROSTER_WITH_SURVEYS = SqlStatements.named("compare/roster-with-surveys");

    private static final JsonFactory JSON = CanonicalJson.mapper().getFactory();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Regions regions = Regions.standard();
    private final ZoneId zone;

    public RosterRows(DataSource dataSource, TransactionTemplate transaction,
                      @Value("${canbao.time-zone}") String timeZone) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        // rows arrive in pages of this size through a cursor, which PostgreSQL opens only inside a transaction
        cursor.setFetchSize(2000);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.transaction = transaction;
        this.zone = ZoneId.of(timeZone);
    }

    /**
     * Hands every rostered person of a county (6 digits) or township (9 digits) in roster order to the consumer.
     *
     * @return the number of rows
     */
    public long stream(long runId, String region, Consumer<RosterRow> consumer) {
        return stream(ROSTER, false, runId, region, consumer);
    }

    /** As {@link #stream}, each row with the latest survey result about the person: the survey app's roster. */
    public long streamWithSurveys(long runId, String region, Consumer<RosterRow> consumer) {
        return stream(ROSTER_WITH_SURVEYS, true, runId, region, consumer);
    }

    private long stream(String statement, boolean withSurveys, long runId, String region,
                        Consumer<RosterRow> consumer) {
        String county = region.substring(0, 6);
        String township = region.length() == 9 ? region : null;
        long[] sequence = {0};
        MapSqlParameterSource parameters = new MapSqlParameterSource("runId", runId).addValue("county", county)
                .addValue("township", township);
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject(SETTINGS, parameters, String.class);
            jdbc.query(statement, parameters, rs -> {
                consumer.accept(row(++sequence[0], rs, withSurveys));
            });
        });
        return sequence[0];
    }

    private RosterRow row(long sequence, ResultSet rs, boolean withSurveys) throws SQLException {
        String township = rs.getString(6);
        String category = rs.getString(7);
        String schemes = rs.getString(8);
        int age = rs.getInt(4);
        boolean ageUnknown = rs.wasNull();
        return new RosterRow(sequence, rs.getString(1), rs.getString(2), SEX_TEXT.getOrDefault(rs.getString(3), ""),
                ageUnknown ? null : age, rs.getString(5), township,
                township == null ? null : regions.find(township).map(Region::name).orElse(township),
                category, CATEGORY_TEXT.get(category),
                schemes == null || schemes.isEmpty() ? List.of() : Arrays.asList(schemes.split(",")),
                explanation(rs.getBytes(9)), withSurveys ? latestSurvey(rs) : null);
    }

    /** The survey columns of roster-with-surveys.sql, the time in the province's; null for a person nobody surveyed. */
    private RosterRow.LatestSurvey latestSurvey(ResultSet rs) throws SQLException {
        if (rs.getString(10) == null) {
            return null;
        }
        return new RosterRow.LatestSurvey(rs.getString(10), rs.getObject(11, OffsetDateTime.class)
                .atZoneSameInstant(zone).toOffsetDateTime());
    }

    /** 原因说明: one phrase per unmet expectation, in the order of the reasons (the stored JSON text, UTF-8). */
    static String explanation(byte[] reasonsJson) {
        if (reasonsJson == null) {
            return "";
        }
        List<String> phrases = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(reasonsJson)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("reasons of a comparison result are not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Reason reason = reason(parser);
                String expectation = EXPECTATION_TEXT.get(Objects.toString(reason.expectation(), ""));
                switch (String.valueOf(reason.code())) {
                    case "NO_PARTICIPATION" -> phrases.add("无任何险种参保记录");
                    case "NEVER_HELD" -> phrases.add("未参加" + expectation + "（应参 "
                            + Objects.toString(reason.enrol(), "") + "）");
                    case "LAPSED" -> {
                        Evidence evidence = Objects.requireNonNullElse(reason.evidence(),
                                new Evidence(null, null, false));
                        String paid = evidence.lastPaidMonth();
                        // a participation its scheme system deleted or left out of a full snapshot (ever held)
                        phrases.add(expectation + "断保（" + Objects.toString(evidence.scheme(), "")
                                + (evidence.ended() ? " 参保关系已终止" : "")
                                + (paid == null || paid.isEmpty() ? " 无缴费记录" : " 最后缴费 " + paid) + "）");
                    }
                    default -> {
                        // flags and exclusions are not reasons to survey
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reasons of a comparison result are not JSON", e);
        }
        return String.join("；", phrases);
    }

    /**
     * What 原因说明 reads of a reason (the parser on its opening brace, left on its closing one). Read from the
     * tokens, skipping the rest: every rostered person's reasons are read, and binding them to records took a
     * third of the roster writers' time.
     */
    private static Reason reason(JsonParser parser) throws IOException {
        String code = null;
        String expectation = null;
        String enrol = null;
        Evidence evidence = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "code" -> code = parser.getValueAsString();
                case "expectation" -> expectation = parser.getValueAsString();
                case "enrol" -> enrol = parser.getValueAsString();
                case "evidence" -> evidence = evidence(parser);
                default -> parser.skipChildren();
            }
        }
        return new Reason(code, expectation, enrol, evidence);
    }

    private static Evidence evidence(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String scheme = null;
        String lastPaidMonth = null;
        boolean ended = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "scheme" -> scheme = parser.getValueAsString();
                case "lastPaidMonth" -> lastPaidMonth = parser.getValueAsString();
                case "ended" -> ended = parser.getValueAsBoolean();
                default -> parser.skipChildren();
            }
        }
        return new Evidence(scheme, lastPaidMonth, ended);
    }

    private record Reason(String code, String expectation, String enrol, Evidence evidence) {
    }

    private record Evidence(String scheme, String lastPaidMonth, boolean ended) {
    }
}
