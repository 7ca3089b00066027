package cn.canbao.hub.standard;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * The province's administrative divisions, read once from the reference copies: the 2023 edition, the 2017
 * edition (the programme's data of 2017 still uses codes like 630122 湟中县, now 630106 湟中区), and the
 * GB/T 2260 history of county-level codes since 1980 for the address part of identity numbers.
 * Which province this is follows from the reference tables, not from code. A region field of a source is checked
 * by {@link RegionCodes}, which knows the other provinces too.
 */
public final class Regions {

    /** Newest first: a code in both editions is reported as the newer edition states it. */
    private static final List<Edition> EDITIONS = List.of(
            new Edition("2023", "qinghai_divisions.csv"),
            new Edition("2017", "qinghai_divisions_2017.csv"));

    /** Declared after the constants its construction reads. */
    private static final Regions STANDARD = new Regions();

    private final Map<String, Region> regionOfCode = new HashMap<>();
    private final Set<String> everValidAddressCodes = new HashSet<>();

    private Regions() {
        for (Edition edition : EDITIONS) {
            readEdition(edition);
        }
        for (CSVRecord row : ReferenceCsv.rows("qinghai_gb2260_history.csv")) {
            everValidAddressCodes.add(row.get("code"));
        }
        for (String code : regionOfCode.keySet()) {
            if (code.length() == 6) {
                everValidAddressCodes.add(code);
            }
        }
    }

    public static Regions standard() {
        return STANDARD;
    }

    /** The division with a 6- or 9-digit code of the 2023 or the 2017 edition. */
    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(regionOfCode.get(code));
    }

    /**
     * Whether a 6-digit code is one that an identity number issued in this province may carry: any code of the
     * division lists or of the GB/T 2260 history since 1980 (e.g. 632121 平安县 of the former 海东地区).
     */
    public boolean isHistoricalAddressCode(String six) {
        return six != null && six.length() == 6 && everValidAddressCodes.contains(six);
    }

    /** The county a township lies in, or the county itself; empty above county level and for unknown codes. */
    public Optional<Region> countyOf(String code) {
        return find(code).map(Region::countyCode).flatMap(this::find);
    }

    /** The prefecture a county or township lies in, or the prefecture itself; empty for the province and unknown codes. */
    public Optional<Region> prefectureOf(String code) {
        return find(code).map(Region::prefectureCode).flatMap(this::find);
    }

    /** The 9-digit townships of the given counties, sorted by code. */
    public List<String> townshipsOf(Collection<String> counties) {
        return regionOfCode.values().stream()
                .filter(r -> "township".equals(r.level()) && counties.contains(r.countyCode()))
                .map(Region::code).sorted().toList();
    }

    private void readEdition(Edition edition) {
        Map<String, CSVRecord> rowOfCode = new HashMap<>();
        for (CSVRecord row : ReferenceCsv.rows(edition.fileName())) {
            rowOfCode.put(row.get("code"), row);
        }
        for (CSVRecord row : rowOfCode.values()) {
            String code = row.get("code");
            String level = row.get("level");
            String parent = row.get("parent_code");
            String county = switch (level) {
                case "township" -> parent;
                case "county" -> code;
                default -> null;
            };
            String prefecture = switch (level) {
                case "township" -> rowOfCode.get(parent).get("parent_code");
                case "county" -> parent;
                case "prefecture" -> code;
                default -> null;
            };
            regionOfCode.putIfAbsent(code, new Region(code, row.get("name"), level, county, prefecture, edition.year()));
        }
    }

    /** A statistics-bureau division list: its year and its reference copy. */
    private record Edition(String year, String fileName) {
    }
}
