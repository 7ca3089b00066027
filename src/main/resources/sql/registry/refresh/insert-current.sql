-- Step 3: the derived rows of the current records — their statements (identity and household fields), their
-- participations (one row per participation of a statement) and the facts of EDUCATION, JUSTICE, CIVIL and CARD —
-- in one statement, so that each record's payload is parsed once: one statement per table parsed every current
-- record's whole payload once per table, most of a first full refresh (docs/performance.md, "Registry refresh").
-- The records go in in identity-number order: the keys of every table begin with it, so each index grows at a few
-- places in order instead of at random pages (4.9 M statements: 153 s → 85 s on stock settings).
WITH record AS MATERIALIZED (
    SELECT s.id, s.system, s.source_key, s.id_number, stated_at(s.occurred_at, s.received_at) AS stated_at,
           m.person, m.participations, m.facts
    FROM registry_refresh_current c
    JOIN source_record s ON s.id = c.source_record_id
    LEFT JOIN LATERAL json_to_record(s.payload) AS m(person json, participations json, facts json) ON true
    ORDER BY s.id_number, s.system, s.source_key),
fact AS MATERIALIZED (
    SELECT r.id, r.system, r.source_key, r.id_number, f.student, f.custody, f.assistance, f.card
    FROM record r
    CROSS JOIN LATERAL json_to_record(r.facts) AS f(student json, custody json, assistance json, card json)
    WHERE r.facts IS NOT NULL),
statements AS (
    INSERT INTO registry_statement (system, source_key, id_number, source_record_id, stated_at, name, sex,
        ethnicity, birth_date, population_category, household_region, residence_region, vital_status,
        address, status_changed_on)
    SELECT r.system, r.source_key, r.id_number, r.id, r.stated_at, left(p.name, 100), p.sex, p.ethnicity,
           p."birthDate", p."populationCategory", p."householdRegion", p."residenceRegion", p."vitalStatus",
           left(p.address, 300), p."statusChangedOn"
    FROM record r
    LEFT JOIN LATERAL json_to_record(r.person) AS p(name text, sex text, ethnicity text, "birthDate" date,
        "populationCategory" text, "householdRegion" text, "residenceRegion" text, "vitalStatus" text,
        address text, "statusChangedOn" date) ON true),
participations AS (
    INSERT INTO registry_participation (system, source_key, ordinal, id_number, scheme, insured_region,
        employer_id, contribution_status, person_status, start_date, end_date, last_paid_month,
        source_record_id)
    SELECT r.system, r.source_key, e.ordinal, r.id_number, e.scheme, e.insured_region, e.employer_id,
           e.contribution_status, e.person_status, e.start_date, e.end_date, e.last_paid_month, r.id
    FROM record r
    CROSS JOIN LATERAL participations_of(r.participations) e
    WHERE r.participations IS NOT NULL),
students AS (
    INSERT INTO registry_student (system, source_key, id_number, stage, school, school_region,
        enrolled_month, source_record_id)
    SELECT f.system, f.source_key, f.id_number, x.stage, left(x.school, 200), x."schoolRegion",
           to_date(x."enrolledMonth", 'YYYY-MM'), f.id
    FROM fact f
    CROSS JOIN LATERAL json_to_record(f.student) AS x(stage text, school text, "schoolRegion" text,
        "enrolledMonth" text)
    WHERE f.student IS NOT NULL),
custody AS (
    INSERT INTO registry_custody (system, source_key, id_number, custody_from, custody_until, facility,
        facility_region, status, source_record_id)
    SELECT f.system, f.source_key, f.id_number, x."from", x."until", left(x.facility, 200), x."facilityRegion",
           x.status, f.id
    FROM fact f
    CROSS JOIN LATERAL json_to_record(f.custody) AS x("from" date, "until" date, facility text,
        "facilityRegion" text, status text)
    WHERE f.custody IS NOT NULL),
assistance AS (
    INSERT INTO registry_assistance (system, source_key, id_number, category, region, valid_from, valid_to,
        source_record_id)
    SELECT f.system, f.source_key, f.id_number, x.category, x.region, x."validFrom", x."validTo", f.id
    FROM fact f
    CROSS JOIN LATERAL json_to_record(f.assistance) AS x(category text, region text, "validFrom" date,
        "validTo" date)
    WHERE f.assistance IS NOT NULL)
INSERT INTO registry_card (system, source_key, id_number, card_no, issue_region, status, issue_date,
    source_record_id)
SELECT f.system, f.source_key, f.id_number, left(x."cardNo", 20), x."issueRegion", x.status, x."issueDate", f.id
FROM fact f
CROSS JOIN LATERAL json_to_record(f.card) AS x("cardNo" text, "issueRegion" text, status text, "issueDate" date)
WHERE f.card IS NOT NULL;
