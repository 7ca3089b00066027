-- The schemes the registration programme counts and the expectations of spec §8 that they meet, as the functions the
-- statements name them by instead of writing bits and codes. reference/schemes.csv and reference/expectations.csv
-- are the definition (docs/decisions/0006-one-scheme-definition.md); SchemeFunctionsTest holds every function here
-- to them for every scheme, expectation and mask, so a change to one without the other fails the build.
--
-- Each function is LANGUAGE sql, IMMUTABLE and one expression, without STRICT or SET: the planner inlines it into the
-- statement that calls it and folds what is constant, so has_scheme(active, '390') is planned as (active & 32) <> 0
-- and costs what the bit arithmetic costs (docs/performance.md, "SQL in files").

-- The scheme's bit in a scheme mask (registry_person.held_schemes, comparison_result.active_schemes, …); 0 for a
-- code the programme does not count.
CREATE OR REPLACE FUNCTION scheme_bit(code bpchar) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE code WHEN '110' THEN 1 WHEN '120' THEN 2 WHEN '170' THEN 4 WHEN '210' THEN 8 WHEN '310' THEN 16
                 WHEN '390' THEN 32 WHEN '410' THEN 64 WHEN '510' THEN 128 ELSE 0 END
$$;

-- The mask of every scheme.
CREATE OR REPLACE FUNCTION all_schemes() RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT 255
$$;

CREATE OR REPLACE FUNCTION has_scheme(schemes integer, code bpchar) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (schemes & scheme_bit(code)) <> 0
$$;

-- Whether a scheme mask holds every scheme of another.
CREATE OR REPLACE FUNCTION has_every_scheme(schemes integer, wanted integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (schemes & wanted) = wanted
$$;

-- The codes of a scheme mask in code order, looked up in the list of all 256 masks' codes: the mask's expression
-- is evaluated once (a CASE per bit evaluates it eight times).
CREATE OR REPLACE FUNCTION scheme_codes(schemes integer) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT string_to_array((ARRAY[
    '', '110', '120', '110,120', '170', '110,170', '120,170', '110,120,170', '210', '110,210', '120,210',
    '110,120,210', '170,210', '110,170,210', '120,170,210', '110,120,170,210', '310', '110,310', '120,310',
    '110,120,310', '170,310', '110,170,310', '120,170,310', '110,120,170,310', '210,310', '110,210,310',
    '120,210,310', '110,120,210,310', '170,210,310', '110,170,210,310', '120,170,210,310', '110,120,170,210,310',
    '390', '110,390', '120,390', '110,120,390', '170,390', '110,170,390', '120,170,390', '110,120,170,390',
    '210,390', '110,210,390', '120,210,390', '110,120,210,390', '170,210,390', '110,170,210,390', '120,170,210,390',
    '110,120,170,210,390', '310,390', '110,310,390', '120,310,390', '110,120,310,390', '170,310,390',
    '110,170,310,390', '120,170,310,390', '110,120,170,310,390', '210,310,390', '110,210,310,390',
    '120,210,310,390', '110,120,210,310,390', '170,210,310,390', '110,170,210,310,390', '120,170,210,310,390',
    '110,120,170,210,310,390', '410', '110,410', '120,410', '110,120,410', '170,410', '110,170,410', '120,170,410',
    '110,120,170,410', '210,410', '110,210,410', '120,210,410', '110,120,210,410', '170,210,410', '110,170,210,410',
    '120,170,210,410', '110,120,170,210,410', '310,410', '110,310,410', '120,310,410', '110,120,310,410',
    '170,310,410', '110,170,310,410', '120,170,310,410', '110,120,170,310,410', '210,310,410', '110,210,310,410',
    '120,210,310,410', '110,120,210,310,410', '170,210,310,410', '110,170,210,310,410', '120,170,210,310,410',
    '110,120,170,210,310,410', '390,410', '110,390,410', '120,390,410', '110,120,390,410', '170,390,410',
    '110,170,390,410', '120,170,390,410', '110,120,170,390,410', '210,390,410', '110,210,390,410',
    '120,210,390,410', '110,120,210,390,410', '170,210,390,410', '110,170,210,390,410', '120,170,210,390,410',
    '110,120,170,210,390,410', '310,390,410', '110,310,390,410', '120,310,390,410', '110,120,310,390,410',
    '170,310,390,410', '110,170,310,390,410', '120,170,310,390,410', '110,120,170,310,390,410', '210,310,390,410',
    '110,210,310,390,410', '120,210,310,390,410', '110,120,210,310,390,410', '170,210,310,390,410',
    '110,170,210,310,390,410', '120,170,210,310,390,410', '110,120,170,210,310,390,410', '510', '110,510',
    '120,510', '110,120,510', '170,510', '110,170,510', '120,170,510', '110,120,170,510', '210,510', '110,210,510',
    '120,210,510', '110,120,210,510', '170,210,510', '110,170,210,510', '120,170,210,510', '110,120,170,210,510',
    '310,510', '110,310,510', '120,310,510', '110,120,310,510', '170,310,510', '110,170,310,510', '120,170,310,510',
    '110,120,170,310,510', '210,310,510', '110,210,310,510', '120,210,310,510', '110,120,210,310,510',
    '170,210,310,510', '110,170,210,310,510', '120,170,210,310,510', '110,120,170,210,310,510', '390,510',
    '110,390,510', '120,390,510', '110,120,390,510', '170,390,510', '110,170,390,510', '120,170,390,510',
    '110,120,170,390,510', '210,390,510', '110,210,390,510', '120,210,390,510', '110,120,210,390,510',
    '170,210,390,510', '110,170,210,390,510', '120,170,210,390,510', '110,120,170,210,390,510', '310,390,510',
    '110,310,390,510', '120,310,390,510', '110,120,310,390,510', '170,310,390,510', '110,170,310,390,510',
    '120,170,310,390,510', '110,120,170,310,390,510', '210,310,390,510', '110,210,310,390,510',
    '120,210,310,390,510', '110,120,210,310,390,510', '170,210,310,390,510', '110,170,210,310,390,510',
    '120,170,210,310,390,510', '110,120,170,210,310,390,510', '410,510', '110,410,510', '120,410,510',
    '110,120,410,510', '170,410,510', '110,170,410,510', '120,170,410,510', '110,120,170,410,510', '210,410,510',
    '110,210,410,510', '120,210,410,510', '110,120,210,410,510', '170,210,410,510', '110,170,210,410,510',
    '120,170,210,410,510', '110,120,170,210,410,510', '310,410,510', '110,310,410,510', '120,310,410,510',
    '110,120,310,410,510', '170,310,410,510', '110,170,310,410,510', '120,170,310,410,510',
    '110,120,170,310,410,510', '210,310,410,510', '110,210,310,410,510', '120,210,310,410,510',
    '110,120,210,310,410,510', '170,210,310,410,510', '110,170,210,310,410,510', '120,170,210,310,410,510',
    '110,120,170,210,310,410,510', '390,410,510', '110,390,410,510', '120,390,410,510', '110,120,390,410,510',
    '170,390,410,510', '110,170,390,410,510', '120,170,390,410,510', '110,120,170,390,410,510', '210,390,410,510',
    '110,210,390,410,510', '120,210,390,410,510', '110,120,210,390,410,510', '170,210,390,410,510',
    '110,170,210,390,410,510', '120,170,210,390,410,510', '110,120,170,210,390,410,510', '310,390,410,510',
    '110,310,390,410,510', '120,310,390,410,510', '110,120,310,390,410,510', '170,310,390,410,510',
    '110,170,310,390,410,510', '120,170,310,390,410,510', '110,120,170,310,390,410,510', '210,310,390,410,510',
    '110,210,310,390,410,510', '120,210,310,390,410,510', '110,120,210,310,390,410,510', '170,210,310,390,410,510',
    '110,170,210,310,390,410,510', '120,170,210,310,390,410,510', '110,120,170,210,310,390,410,510'])[schemes + 1], ',')
$$;

-- The first month of the scheme's payment window, of the run's two (their lengths are configuration:
-- canbao.compare.rules.payment-window-months and yearly-payment-window-months); NULL for a code the programme does
-- not count.
CREATE OR REPLACE FUNCTION payment_cutoff(code bpchar, monthly date, yearly date) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE code WHEN '110' THEN monthly WHEN '120' THEN monthly WHEN '170' THEN yearly WHEN '210' THEN monthly
                 WHEN '310' THEN monthly WHEN '390' THEN yearly WHEN '410' THEN monthly WHEN '510' THEN monthly END
$$;

-- The scheme's bit if its last paid month lies in its payment window, else 0.
CREATE OR REPLACE FUNCTION paid_in_window(paid date, code bpchar, monthly date, yearly date) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN paid >= payment_cutoff(code, monthly, yearly) THEN scheme_bit(code) ELSE 0 END
$$;

-- Whether a scheme mask holds a scheme for employees and one for residents that meet the same expectation (310 and
-- 390; 110 or 120, and 170): a person insured twice over.
CREATE OR REPLACE FUNCTION insured_as_employee_and_resident(schemes integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT has_every_scheme(schemes, scheme_bit('310') | scheme_bit('390'))
       OR ((schemes & (scheme_bit('110') | scheme_bit('120'))) <> 0 AND has_scheme(schemes, '170'))
$$;

-- The expectation's bit in an expectation mask; 0 for a name that is none.
CREATE OR REPLACE FUNCTION expectation_bit(expectation text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE expectation WHEN 'MEDICAL' THEN 1 WHEN 'PENSION' THEN 2 WHEN 'EMPLOYMENT_210' THEN 4
                        WHEN 'EMPLOYMENT_410' THEN 8 WHEN 'EMPLOYMENT_510' THEN 16 WHEN 'EMPLOYMENT_310' THEN 32
                        ELSE 0 END
$$;

CREATE OR REPLACE FUNCTION has_expectation(expectations integer, expectation text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (expectations & expectation_bit(expectation)) <> 0
$$;

-- The names of an expectation mask's expectations in bit order; NULL for none.
CREATE OR REPLACE FUNCTION expectation_names(expectations integer) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN expectations = 0 THEN NULL ELSE array_remove(ARRAY[
           CASE WHEN has_expectation(expectations, 'MEDICAL') THEN 'MEDICAL' END,
           CASE WHEN has_expectation(expectations, 'PENSION') THEN 'PENSION' END,
           CASE WHEN has_expectation(expectations, 'EMPLOYMENT_210') THEN 'EMPLOYMENT_210' END,
           CASE WHEN has_expectation(expectations, 'EMPLOYMENT_410') THEN 'EMPLOYMENT_410' END,
           CASE WHEN has_expectation(expectations, 'EMPLOYMENT_510') THEN 'EMPLOYMENT_510' END,
           CASE WHEN has_expectation(expectations, 'EMPLOYMENT_310') THEN 'EMPLOYMENT_310' END], NULL) END
$$;

-- The schemes that meet the expectation, as a scheme mask.
CREATE OR REPLACE FUNCTION expectation_schemes(expectation text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE expectation WHEN 'MEDICAL' THEN scheme_bit('310') | scheme_bit('390')
                        WHEN 'PENSION' THEN scheme_bit('110') | scheme_bit('120') | scheme_bit('170')
                        WHEN 'EMPLOYMENT_210' THEN scheme_bit('210') WHEN 'EMPLOYMENT_410' THEN scheme_bit('410')
                        WHEN 'EMPLOYMENT_510' THEN scheme_bit('510') WHEN 'EMPLOYMENT_310' THEN scheme_bit('310')
                        ELSE 0 END
$$;

-- The same schemes as the JSON array of their codes, as the reasons list them.
CREATE OR REPLACE FUNCTION expectation_schemes_json(expectation text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE expectation WHEN 'MEDICAL' THEN '["310","390"]' WHEN 'PENSION' THEN '["110","120","170"]'
                        WHEN 'EMPLOYMENT_210' THEN '["210"]' WHEN 'EMPLOYMENT_410' THEN '["410"]'
                        WHEN 'EMPLOYMENT_510' THEN '["510"]' WHEN 'EMPLOYMENT_310' THEN '["310"]' END
$$;

-- Whether the scheme meets the expectation.
CREATE OR REPLACE FUNCTION scheme_meets(code bpchar, expectation text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE expectation WHEN 'MEDICAL' THEN code IN ('310', '390') WHEN 'PENSION' THEN code IN ('110', '120', '170')
                        WHEN 'EMPLOYMENT_210' THEN code IN ('210') WHEN 'EMPLOYMENT_410' THEN code IN ('410')
                        WHEN 'EMPLOYMENT_510' THEN code IN ('510') WHEN 'EMPLOYMENT_310' THEN code IN ('310')
                        ELSE false END
$$;

-- Whether a scheme mask holds a scheme that meets the expectation.
CREATE OR REPLACE FUNCTION meets(schemes integer, expectation text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (schemes & expectation_schemes(expectation)) <> 0
$$;

-- The expectations that a scheme mask meets, as an expectation mask.
CREATE OR REPLACE FUNCTION expectations_met(schemes integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (CASE WHEN meets(schemes, 'MEDICAL') THEN expectation_bit('MEDICAL') ELSE 0 END)
       | (CASE WHEN meets(schemes, 'PENSION') THEN expectation_bit('PENSION') ELSE 0 END)
       | (CASE WHEN meets(schemes, 'EMPLOYMENT_210') THEN expectation_bit('EMPLOYMENT_210') ELSE 0 END)
       | (CASE WHEN meets(schemes, 'EMPLOYMENT_410') THEN expectation_bit('EMPLOYMENT_410') ELSE 0 END)
       | (CASE WHEN meets(schemes, 'EMPLOYMENT_510') THEN expectation_bit('EMPLOYMENT_510') ELSE 0 END)
       | (CASE WHEN meets(schemes, 'EMPLOYMENT_310') THEN expectation_bit('EMPLOYMENT_310') ELSE 0 END)
$$;

-- The scheme to enrol in for an expectation none of whose schemes was ever held.
CREATE OR REPLACE FUNCTION enrol_scheme(expectation text, employed boolean) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE expectation WHEN 'MEDICAL' THEN CASE WHEN employed THEN '310' ELSE '390' END
                        WHEN 'PENSION' THEN '170' WHEN 'EMPLOYMENT_210' THEN '210' WHEN 'EMPLOYMENT_410' THEN '410'
                        WHEN 'EMPLOYMENT_510' THEN '510' WHEN 'EMPLOYMENT_310' THEN '310' END
$$;

-- The schemes to enrol in for an expectation mask's expectations, as a scheme mask.
CREATE OR REPLACE FUNCTION enrol_schemes(expectations integer, employed boolean) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (CASE WHEN has_expectation(expectations, 'MEDICAL')
             THEN CASE WHEN employed THEN scheme_bit('310') ELSE scheme_bit('390') END ELSE 0 END)
       | (CASE WHEN has_expectation(expectations, 'PENSION') THEN scheme_bit('170') ELSE 0 END)
       | (CASE WHEN has_expectation(expectations, 'EMPLOYMENT_210') THEN scheme_bit('210') ELSE 0 END)
       | (CASE WHEN has_expectation(expectations, 'EMPLOYMENT_410') THEN scheme_bit('410') ELSE 0 END)
       | (CASE WHEN has_expectation(expectations, 'EMPLOYMENT_510') THEN scheme_bit('510') ELSE 0 END)
       | (CASE WHEN has_expectation(expectations, 'EMPLOYMENT_310') THEN scheme_bit('310') ELSE 0 END)
$$;
