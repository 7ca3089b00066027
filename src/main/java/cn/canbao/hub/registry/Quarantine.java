package cn.canbao.hub.registry;

import cn.canbao.hub.standard.StorableText;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The one writer of quarantine entries (sql/registry/quarantine/): every record the hub could not take in, whatever
 * way it arrived, kept with its raw text and the reasons, once per intake key. It writes in the transaction of
 * whoever calls it, so that an entry and the answer it goes with are committed together.
 */
@Component
public class Quarantine {

    private static final String KEEP = SqlStatements.named("registry/quarantine/keep");
    private static final String RELEASE = SqlStatements.named("registry/quarantine/release");

    /**
     * A record the hub could not take in; {@code intakeFileId} and {@code recordNo} are null for a record that arrived
     * alone.
     */
    public record Entry(String system, String intakeKey, String sourceRef, Long intakeFileId, Long recordNo,
                        String raw, String errorsJson, OffsetDateTime receivedAt) {

        public static Entry single(String system, String intakeKey, String sourceRef, String raw, String errorsJson,
                                   OffsetDateTime receivedAt) {
            return new Entry(system, intakeKey, sourceRef, null, null, raw, errorsJson, receivedAt);
        }
    }

    /** What an entry does to one kept before under the same intake key. */
    public enum Earlier { KEPT, REPLACED }

    private final NamedParameterJdbcTemplate jdbc;

    public Quarantine(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void keep(Entry entry, Earlier earlier) {
        jdbc.update(KEEP, parameters(entry, earlier));
    }

    /** Keeps the entries in one round trip. */
    public void keepAll(List<Entry> entries, Earlier earlier) {
        jdbc.batchUpdate(KEEP, entries.stream().map(entry -> parameters(entry, earlier))
                .toArray(SqlParameterSource[]::new));
    }

    /** Removes the entry of an intake key, if there is one. */
    public void release(String intakeKey) {
        jdbc.update(RELEASE, new MapSqlParameterSource("intakeKey", intakeKey));
    }

    private static SqlParameterSource parameters(Entry entry, Earlier earlier) {
        return new MapSqlParameterSource("system", entry.system()).addValue("intakeKey", entry.intakeKey())
                .addValue("sourceRef", entry.sourceRef())
                .addValue("intakeFileId", entry.intakeFileId(), Types.BIGINT)
                .addValue("recordNo", entry.recordNo(), Types.BIGINT)
                .addValue("raw", StorableText.withoutNul(entry.raw())).addValue("errors", entry.errorsJson())
                .addValue("receivedAt", entry.receivedAt())
                .addValue("replaceEarlier", earlier == Earlier.REPLACED);
    }
}
