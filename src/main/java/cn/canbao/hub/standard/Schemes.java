package cn.canbao.hub.standard;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * The schemes (AAE140) the registration programme counts and the expectations of spec §8 that they meet: the one
 * definition of their codes, bits, payment kinds, whom they insure, which system runs them and which schemes meet
 * which expectation, read once from {@code reference/schemes.csv} and {@code reference/expectations.csv} (names of
 * schemes from the AAE140 table). The database's form of the same facts are the functions of the repeatable
 * migration {@code R__10_schemes.sql}; {@code SchemeFunctionsTest} holds them to these files for every scheme,
 * expectation and mask (docs/decisions/0006-one-scheme-definition.md).
 */
public final class Schemes {

    /** Whom a scheme insures: employees (职工) or residents (城乡居民). */
    public enum Insured { EMPLOYEES, RESIDENTS }

    /**
     * @param bit        the scheme's bit in a scheme mask (registry_person.held_schemes, comparison_result's masks);
     *                   bits ascend with the codes, so a mask's codes come out in code order
     * @param paidYearly paid once a year (its payment window is {@code canbao.compare.rules.yearly-payment-window-months})
     * @param system     the scheme system that runs it
     */
    public record Scheme(String code, String name, int bit, boolean paidYearly, Insured insures, String system) {
    }

    /**
     * @param bit             the expectation's bit in an expectation mask
     * @param name            its name in a roster's 原因说明
     * @param schemes         the schemes that meet it, in code order
     * @param enrol           the scheme to enrol in when none of its schemes was ever held
     * @param enrolIfEmployed the same for an employee
     */
    public record Expectation(String code, int bit, String name, List<String> schemes, String enrol,
                              String enrolIfEmployed) {
    }

    private static final Schemes PROGRAMME = new Schemes();

    private final Map<String, Scheme> schemeOfCode = new LinkedHashMap<>();
    private final Map<String, Expectation> expectationOfCode = new LinkedHashMap<>();

    private Schemes() {
        Map<String, String> names = new LinkedHashMap<>();
        ReferenceCsv.rows("insurance_type_aae140.csv").forEach(row -> names.put(row.get("code"), row.get("name")));
        int previousBit = 0;
        for (CSVRecord row : ReferenceCsv.rows("schemes.csv")) {
            String code = row.get("code");
            int bit = Integer.parseInt(row.get("bit"));
            require(names.containsKey(code), "scheme " + code + " is no AAE140 code");
            require(bit == (previousBit == 0 ? 1 : previousBit << 1), "scheme " + code
                    + ": bits must be 1, 2, 4, … in the order of the codes, was " + bit);
            previousBit = bit;
            schemeOfCode.put(code, new Scheme(code, names.get(code), bit, paidYearly(row.get("paid")),
                    Insured.valueOf(row.get("insures").toUpperCase(Locale.ROOT)), row.get("system")));
        }
        require(previousBit < 256, "at most 8 schemes: a roster's scheme list is looked up among the 256 masks");
        previousBit = 0;
        for (CSVRecord row : ReferenceCsv.rows("expectations.csv")) {
            String code = row.get("code");
            int bit = Integer.parseInt(row.get("bit"));
            List<String> schemes = Arrays.asList(row.get("schemes").split(" "));
            require(bit == (previousBit == 0 ? 1 : previousBit << 1), "expectation " + code
                    + ": bits must be 1, 2, 4, … in the order of the rows, was " + bit);
            previousBit = bit;
            require(schemeOfCode.keySet().containsAll(schemes), "expectation " + code + " names unknown schemes");
            require(schemes.contains(row.get("enrol")) && schemes.contains(row.get("enrol_if_employed")),
                    "expectation " + code + " enrols in a scheme that does not meet it");
            expectationOfCode.put(code, new Expectation(code, bit, row.get("name"), List.copyOf(schemes),
                    row.get("enrol"), row.get("enrol_if_employed")));
        }
    }

    /** The programme's schemes and expectations, as the reference tables define them. */
    public static Schemes programme() {
        return PROGRAMME;
    }

    /** The schemes in code (and bit) order. */
    public List<Scheme> schemes() {
        return List.copyOf(schemeOfCode.values());
    }

    public List<String> codes() {
        return List.copyOf(schemeOfCode.keySet());
    }

    public Optional<Scheme> scheme(String code) {
        return Optional.ofNullable(schemeOfCode.get(code));
    }

    /** The expectations in bit order. */
    public List<Expectation> expectations() {
        return List.copyOf(expectationOfCode.values());
    }

    public Optional<Expectation> expectation(String code) {
        return Optional.ofNullable(expectationOfCode.get(code));
    }

    private static boolean paidYearly(String paid) {
        return switch (paid) {
            case "yearly" -> true;
            case "monthly" -> false;
            default -> throw new IllegalStateException("reference/schemes.csv: paid is monthly or yearly, was " + paid);
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("reference/schemes.csv, expectations.csv: " + message);
        }
    }
}
