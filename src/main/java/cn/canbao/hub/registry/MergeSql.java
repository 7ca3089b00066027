package cn.canbao.hub.registry;

/**
 * The SQL that turns statements into the merged person view and into conflicts. It is shared by the refresh
 * (over the current statements of the persons a refresh touches) and by the person history (over what the
 * registry knew of one person at a past date), so both merge by the same rules. {@code %s} is the relation of
 * statements, aliased {@code st}, with the columns of {@code registry_statement}; {@code :precedence} is
 * {@link SourcePrecedence#asSqlList()}.
 */
final class MergeSql {

    /** Columns of registry_person in the order {@link #MERGED_PERSON} produces them. */
    static final String PERSON_COLUMNS = "id_number, name, name_system, sex, sex_system, ethnicity, birth_date, "
            + "birth_date_system, population_category, household_region, residence_region, vital_status, address, "
            + "status_changed_on, police_record_id, systems, merged_at";

    static final String MERGED_PERSON = """
            SELECT st.id_number,
                   (array_agg(st.name ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.name IS NOT NULL))[1],
                   (array_agg(st.system ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.name IS NOT NULL))[1],
                   (array_agg(st.sex ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.sex IS NOT NULL))[1],
                   (array_agg(st.system ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.sex IS NOT NULL))[1],
                   (array_agg(st.ethnicity ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.ethnicity IS NOT NULL))[1],
                   (array_agg(st.birth_date ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.birth_date IS NOT NULL))[1],
                   (array_agg(st.system ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.birth_date IS NOT NULL))[1],
                   (array_agg(st.population_category ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
                   (array_agg(st.household_region ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
                   (array_agg(st.residence_region ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
                   (array_agg(st.vital_status ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
                   (array_agg(st.address ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
                   (array_agg(st.status_changed_on ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
                   (array_agg(st.source_record_id ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
                   array_agg(DISTINCT st.system ORDER BY st.system),
                   now()
            FROM %s
            CROSS JOIN LATERAL (SELECT coalesce(array_position(string_to_array(:precedence, ','), st.system::text), 99)) r(rank)
            GROUP BY st.id_number
            """;

    /** Fields on which sources may disagree; sex 0 (unknown) and 9 (not stated) disagree with nobody. */
    static final String CONFLICTS = """
            SELECT v.id_number, v.field,
                   jsonb_agg(jsonb_build_object('system', v.system, 'value', v.value, 'sourceRecordId', v.source_record_id)
                             ORDER BY v.rank, v.system),
                   now()
            FROM (SELECT st.id_number, st.system, st.source_record_id, r.rank, f.field, f.value
                  FROM %s
                  CROSS JOIN LATERAL (SELECT coalesce(array_position(string_to_array(:precedence, ','), st.system::text), 99)) r(rank)
                  CROSS JOIN LATERAL (VALUES ('name', st.name),
                                             ('sex', CASE WHEN st.sex IN ('1', '2') THEN st.sex END),
                                             ('ethnicity', st.ethnicity),
                                             ('birthDate', st.birth_date::text)) f(field, value)
                  WHERE f.value IS NOT NULL) v
            GROUP BY v.id_number, v.field
            HAVING count(DISTINCT v.value) > 1
            """;

    /**
     * The ids of every source record about {@code :idNumber}: those the refresh has filed under the person, and
     * those it has not read yet (above its high water mark or in a gap).
     */
    static final String RECORDS_OF_PERSON = """
            SELECT p.source_record_id FROM source_record_person p WHERE p.id_number = :idNumber
            UNION
            SELECT s.id FROM source_record s
            WHERE s.id > (SELECT high_water FROM registry_refresh) AND s.id_number = :idNumber
            UNION
            SELECT s.id FROM registry_refresh_gap g JOIN source_record s ON s.id BETWEEN g.from_id AND g.to_id
            WHERE s.id_number = :idNumber""";

    /**
     * What one person's sources said as known before {@code :cutoff}: the latest statement per source key, less
     * DELETEs and keys missing from a later full snapshot of their system.
     */
    static final String STATEMENTS_KNOWN_BEFORE = """
            (SELECT known.*
             FROM (SELECT DISTINCT ON (v.system, v.source_key) v.*
                   FROM source_statement v
                   WHERE v.source_record_id IN (%s) AND v.received_at < :cutoff
                   ORDER BY v.system, v.source_key, v.stated_at DESC, v.source_record_id DESC) known
             LEFT JOIN (SELECT system, max(received_at) AS full_at
                        FROM intake_file
                        WHERE kind = 'FULL' AND status IN ('ACCEPTED', 'PARTIAL') AND received_at < :cutoff
                        GROUP BY system) f ON f.system = known.system
             WHERE known.operation <> 'DELETE' AND (f.full_at IS NULL OR known.stated_at >= f.full_at)) st
            """.formatted(RECORDS_OF_PERSON);

    private MergeSql() {
    }

    static String mergedPersonFrom(String statements) {
        return MERGED_PERSON.formatted(statements);
    }

    static String conflictsFrom(String statements) {
        return CONFLICTS.formatted(statements);
    }
}
