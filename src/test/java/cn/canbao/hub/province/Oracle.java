package cn.canbao.hub.province;

import cn.canbao.hub.province.Resident.Participation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ground truth: what the comparison must find for a generated person at the as-of date D, derived from the
 * generator's own knowledge of the person by the rules of the spec §8 as the project decided them
 * (docs/INTERFACE-SPEC.md, docs/comparison.md) — written here again, independently of the hub's SQL.
 * A participation a later full snapshot leaves out is ended: held, never active.
 * The persons insured elsewhere are found so only after the national system answered the hub's request, which the
 * hub sends for the persons a run finds UNINSURED or LAPSED: the truth is that of a run after the answers.
 */
final class Oracle {

    record Verdict(String category, String exclusion, Set<String> flags, Set<String> missing) {
    }

    private static final List<String> EXPECTATION_ORDER = List.of("MEDICAL", "PENSION", "EMPLOYMENT_210",
            "EMPLOYMENT_410", "EMPLOYMENT_510", "EMPLOYMENT_310");
    private static final Map<String, List<String>> SCHEMES = Map.of("MEDICAL", List.of("310", "390"),
            "PENSION", List.of("110", "120", "170"), "EMPLOYMENT_210", List.of("210"),
            "EMPLOYMENT_410", List.of("410"), "EMPLOYMENT_510", List.of("510"), "EMPLOYMENT_310", List.of("310"));
    private static final Set<String> YEARLY = Set.of("170", "390");
    private static final Set<String> PENSION = Set.of("110", "120", "170");

    private final LocalDate asOf;
    private final YearMonth month;
    private final String provincePrefix;

    Oracle(LocalDate asOf, String provincePrefix) {
        this.asOf = asOf;
        this.month = YearMonth.from(asOf);
        this.provincePrefix = provincePrefix;
    }

    Verdict verdict(Resident person) {
        if (!inPopulation(person)) {
            return new Verdict("NOT_IN_POPULATION", null, Set.of(), Set.of());
        }
        Set<String> flags = flags(person);
        Optional<String> exclusion = exclusion(person);
        if (exclusion.isPresent()) {
            return new Verdict("EXCLUDED", exclusion.get(), flags, Set.of());
        }
        boolean employed = employed(person);
        List<String> unmet = unmet(person, employed);
        String category = category(person, unmet);
        if ((category.equals("UNINSURED") || category.equals("LAPSED")) && coveredElsewhere(person, unmet)) {
            return new Verdict("EXCLUDED", "INSURED_ELSEWHERE", flags, Set.of());
        }
        return new Verdict(category, null, flags, category.equals("INSURED") ? Set.of() : missing(person, unmet,
                employed));
    }

    private boolean inPopulation(Resident person) {
        if (person.police() == null || person.police().deleted()) {
            return false;
        }
        String region = person.police().category().equals("2") ? person.police().residenceTownship()
                : person.police().householdTownship();
        return region.startsWith(provincePrefix);
    }

    /** DECEASED, MOVED_OUT, CANCELLED, IN_CUSTODY in this order; a POLICE status counts from its date on. */
    private Optional<String> exclusion(Resident person) {
        String vital = person.police().vitalStatus();
        LocalDate changed = person.police().statusChangedOn();
        boolean policeStatusCounts = changed == null || !changed.isAfter(asOf);
        Resident.Custody custody = person.custody();
        if (vital.equals("1") && policeStatusCounts || custody != null && custody.status().equals("3")) {
            return Optional.of("DECEASED");
        }
        if (vital.equals("2") && policeStatusCounts) {
            return Optional.of("MOVED_OUT");
        }
        if (vital.equals("3") && policeStatusCounts) {
            return Optional.of("CANCELLED");
        }
        if (custody != null && custody.status().equals("1") && !custody.from().isAfter(asOf)
                && (custody.until() == null || !custody.until().isBefore(asOf))) {
            return Optional.of("IN_CUSTODY");
        }
        return Optional.empty();
    }

    private boolean active(Participation participation) {
        if (participation.ended()) {
            return false;
        }
        if (PENSION.contains(participation.scheme()) && "2".equals(participation.personStatus())) {
            return true;
        }
        int window = YEARLY.contains(participation.scheme()) ? 12 : 3;
        return participation.status().equals("1") && participation.lastPaid() != null
                && !participation.lastPaid().isBefore(month.minusMonths(window));
    }

    private boolean employed(Resident person) {
        return person.participations().stream().anyMatch(p -> (p.scheme().equals("110") || p.scheme().equals("120"))
                && "1".equals(p.personStatus()) && p.status().equals("1") && active(p));
    }

    private List<String> unmet(Resident person, boolean employed) {
        boolean adult = !person.birthDate().isAfter(asOf.minusYears(16));
        List<String> unmet = new ArrayList<>();
        for (String expectation : EXPECTATION_ORDER) {
            boolean expected = expectation.equals("MEDICAL")
                    || expectation.equals("PENSION") && adult && person.student() == null
                    || expectation.startsWith("EMPLOYMENT_") && employed;
            if (expected && person.participations().stream()
                    .noneMatch(p -> SCHEMES.get(expectation).contains(p.scheme()) && active(p))) {
                unmet.add(expectation);
            }
        }
        return unmet;
    }

    private String category(Resident person, List<String> unmet) {
        if (person.participations().isEmpty()) {
            return "UNINSURED";
        }
        if (unmet.stream().anyMatch(e -> held(person, e))) {
            return "LAPSED";
        }
        return unmet.isEmpty() ? "INSURED" : "PARTIAL";
    }

    private static boolean held(Resident person, String expectation) {
        return person.participations().stream().anyMatch(p -> SCHEMES.get(expectation).contains(p.scheme()));
    }

    /** Every unmet expectation met by an active scheme of its own in another province, as the national system says. */
    private boolean coveredElsewhere(Resident person, List<String> unmet) {
        return !unmet.isEmpty() && unmet.stream().allMatch(expectation -> person.elsewhere().stream()
                .anyMatch(row -> row.status().equals("1") && !row.province().startsWith(provincePrefix)
                        && SCHEMES.get(expectation).contains(row.scheme())));
    }

    /** 缺少险种: per unmet expectation the most recently paid lapsed scheme (310 before 390, the lower code on a tie), else the one to enrol in. */
    private static Set<String> missing(Resident person, List<String> unmet, boolean employed) {
        Set<String> missing = new TreeSet<>();
        for (String expectation : unmet) {
            Optional<Participation> latest = person.participations().stream()
                    .filter(p -> SCHEMES.get(expectation).contains(p.scheme()))
                    .max(Comparator.comparing(Participation::lastPaid, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(Participation::scheme, Comparator.reverseOrder()));
            missing.add(latest.map(Participation::scheme).orElse(switch (expectation) {
                case "MEDICAL" -> employed ? "310" : "390";
                case "PENSION" -> "170";
                default -> expectation.substring("EMPLOYMENT_".length());
            }));
        }
        return missing;
    }

    private Set<String> flags(Resident person) {
        Set<String> flags = new TreeSet<>();
        List<Participation> active = person.participations().stream().filter(this::active).toList();
        boolean activeMedical = active.stream().anyMatch(p -> p.scheme().equals("310") || p.scheme().equals("390"));
        boolean duplicate = active.stream().anyMatch(p -> p.scheme().equals("310"))
                && active.stream().anyMatch(p -> p.scheme().equals("390"))
                || active.stream().anyMatch(p -> p.scheme().equals("110") || p.scheme().equals("120"))
                && active.stream().anyMatch(p -> p.scheme().equals("170"))
                || active.stream().map(Participation::scheme).distinct().count() < active.size();
        if (duplicate) {
            flags.add("DUPLICATE");
        }
        Resident.Assistance assistance = person.assistance();
        if (assistance != null && assistance.validAt(asOf) && !activeMedical) {
            flags.add("ASSISTANCE_UNINSURED");
        }
        if (person.student() != null) {
            flags.add("STUDENT");
        }
        if (!person.sexMatchesNumber()) {
            flags.add("SEX_MISMATCH");
        }
        return flags;
    }
}
