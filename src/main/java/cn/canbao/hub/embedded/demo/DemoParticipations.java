package cn.canbao.hub.embedded.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scheme systems hold for the demo population: employees in 110/310/210/410/510 (a few without
 * maternity), urban-rural residents in 170/390, retirees receiving a 110 pension; a lapsed person's last
 * payment lies well in the past.
 */
final class DemoParticipations {

    private DemoParticipations() {
    }

    static List<DemoParticipation> of(List<DemoPerson> persons, LocalDate today) {
        List<DemoParticipation> all = new ArrayList<>();
        YearMonth current = YearMonth.from(today).minusMonths(1);
        for (DemoPerson person : persons) {
            YearMonth lastPaid = person.lapsed() ? current.minusMonths(18) : current;
            String status = person.lapsed() ? "2" : "1";
            LocalDate start = person.birthDate().plusYears(Math.min(22, age(person, today)));
            String employer = "91630100MA" + person.idNumber().substring(10, 17);
            switch (person.employment()) {
                case EMPLOYEE -> {
                    all.add(new DemoParticipation(person, "110", "1", status, start, lastPaid, employer, "青海某某有限公司"));
                    all.add(new DemoParticipation(person, "310", null, status, start, lastPaid, employer, "青海某某有限公司"));
                    all.add(new DemoParticipation(person, "210", null, status, start, lastPaid, employer, null));
                    all.add(new DemoParticipation(person, "410", null, status, start, lastPaid, employer, null));
                    if (!person.idNumber().endsWith("7")) {
                        all.add(new DemoParticipation(person, "510", null, status, start, lastPaid, employer, null));
                    }
                }
                case RESIDENT -> {
                    if (age(person, today) >= 16 && !person.student()) {
                        all.add(new DemoParticipation(person, "170", "1", status, start, lastPaid, null, null));
                    }
                    all.add(new DemoParticipation(person, "390", null, status, start, lastPaid, null, null));
                }
                case RETIREE -> {
                    all.add(new DemoParticipation(person, "110", "2", "3", start, current.minusYears(2), null, null));
                    all.add(new DemoParticipation(person, "390", null, status, start, lastPaid, null, null));
                }
                case NONE -> {
                    // never insured: what the survey teams are sent for
                }
            }
        }
        return all;
    }

    static List<DemoParticipation> ofSchemes(List<DemoParticipation> all, String... schemes) {
        List<String> wanted = List.of(schemes);
        return all.stream().filter(p -> wanted.contains(p.scheme())).toList();
    }

    private static int age(DemoPerson person, LocalDate today) {
        return Period.between(person.birthDate(), today).getYears();
    }
}
