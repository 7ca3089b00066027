package cn.canbao.hub.province;

import cn.canbao.hub.province.Resident.Assistance;
import cn.canbao.hub.province.Resident.Card;
import cn.canbao.hub.province.Resident.Custody;
import cn.canbao.hub.province.Resident.Elsewhere;
import cn.canbao.hub.province.Resident.Kind;
import cn.canbao.hub.province.Resident.Participation;
import cn.canbao.hub.province.Resident.Police;
import cn.canbao.hub.province.Resident.Student;
import cn.canbao.hub.standard.IdentityNumbers;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the province's persons one after the other, each from a random of its own (seed and index), so the
 * province is the same for a seed at any size and nothing is kept per person: the only state is a counter per
 * (region, birth day, sex) that keeps identity numbers unique — a fixed array whatever the number of persons.
 */
final class Residents {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1920, 1, 1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> ELSEWHERE_PROVINCES = List.of("510000", "620000", "320000", "440000");

    private final ProvinceSettings settings;
    private final Divisions divisions;
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final int days;
    private final short[] sequences;
    private final LocalDate asOf;
    private final YearMonth month;

    Residents(ProvinceSettings settings, Divisions divisions) {
        this.settings = settings;
        this.divisions = divisions;
        List<String> regions = divisions.identityRegions();
        for (int i = 0; i < regions.size(); i++) {
            regionIndex.put(regions.get(i), i);
        }
        this.asOf = settings.asOf();
        this.month = YearMonth.from(asOf);
        this.days = (int) ChronoUnit.DAYS.between(EARLIEST_BIRTH, asOf) + 1;
        this.sequences = new short[regions.size() * days * 2];
    }

    Resident next(long index) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + index);
        Noise noise = settings.noise();
        Divisions.County county = divisions.county(random);
        Divisions.Township township = Divisions.township(county, random);
        boolean female = random.nextDouble() < 0.49;
        LocalDate birth = switch ((int) (index % 4999)) {
            // the pension age's edge: 16 on D, and 16 the day after D
            case 4997 -> asOf.minusYears(16);
            case 4998 -> asOf.minusYears(16).plusDays(1);
            default -> birthDate(random);
        };
        String ethnicity = Names.ethnicity(county.code(), random);
        String name = Names.name(ethnicity, female, random);

        double kindDraw = random.nextDouble();
        Kind kind = kindDraw < noise.schemeOnly() ? Kind.SCHEME_ONLY
                : kindDraw < noise.schemeOnly() + 0.002 ? Kind.CARD_ONLY
                : kindDraw < noise.schemeOnly() + 0.005 ? Kind.POLICE_OUTSIDE : Kind.RESIDENT;
        boolean migrant = kind == Kind.RESIDENT && random.nextDouble() < 0.08;
        String otherCounty = Divisions.OTHER_PROVINCE_COUNTIES.get(
                random.nextInt(Divisions.OTHER_PROVINCE_COUNTIES.size()));
        String idRegion = migrant || kind == Kind.POLICE_OUTSIDE ? otherCounty
                : Divisions.FORMER_CODE.containsKey(county.code()) && birth.getYear() < 2011 && random.nextBoolean()
                ? Divisions.FORMER_CODE.get(county.code()) : county.code();
        String idNumber = allocate(idRegion, birth, !female, random);
        birth = LocalDate.parse(idNumber.substring(6, 14), DAY);
        String sex = female ? "2" : "1";
        if (random.nextDouble() < noise.sexMismatch()) {
            sex = female ? "1" : "2";
        }
        int age = birth.until(asOf).getYears();

        Police police = null;
        if (kind == Kind.RESIDENT || kind == Kind.POLICE_OUTSIDE) {
            police = police(kind, migrant, otherCounty, county, township, age, random);
        }
        Card card = kind == Kind.SCHEME_ONLY && random.nextBoolean() || kind == Kind.CARD_ONLY
                || kind != Kind.SCHEME_ONLY && random.nextDouble() < 0.85 && age >= 1
                ? card(index, county.code(), random) : null;
        String legacy = card != null && birth.getYear() < 2000 && random.nextDouble() < noise.legacyNumber()
                ? idNumber.substring(0, 6) + idNumber.substring(8, 17) : null;
        Student student = kind == Kind.RESIDENT ? student(index, age, county, random) : null;
        Custody custody = kind == Kind.RESIDENT && age >= 18 && age < 65 && random.nextDouble() < 0.003
                ? custody(random) : null;
        Assistance assistance = kind == Kind.RESIDENT && random.nextDouble() < 0.04
                ? assistance(township, random) : null;

        List<Participation> participations = new ArrayList<>();
        List<Elsewhere> elsewhere = new ArrayList<>();
        if (kind != Kind.CARD_ONLY) {
            participate(participations, elsewhere, county.code(), age, female, student != null,
                    kind == Kind.SCHEME_ONLY, random);
        }
        if (kind == Kind.SCHEME_ONLY && participations.isEmpty() && card == null) {
            // a person no source states does not exist for the hub
            card = card(index, county.code(), random);
        }
        String wrongCheckIn = random.nextDouble() < noise.wrongCheckCharacter()
                ? (participations.isEmpty() ? (police != null ? "POLICE" : "CARD") : "PENSION") : null;
        if ("PENSION".equals(wrongCheckIn) && participations.stream().noneMatch(p -> p.system().equals("PENSION")
                && p.eventType() == null)) {
            wrongCheckIn = police != null ? "POLICE" : card != null ? "CARD" : null;
        }
        if ("CARD".equals(wrongCheckIn) && card == null) {
            wrongCheckIn = null;
        }
        if (wrongCheckIn != null && random.nextDouble() < 0.4) {
            // the faulty record comes as an event, or as a front-database row, instead
            if (participations.stream().anyMatch(p -> p.eventType() != null)) {
                wrongCheckIn = "EVENT";
            } else if (assistance != null) {
                wrongCheckIn = "CIVIL";
            }
        }
        String duplicateIn = random.nextDouble() < noise.duplicateRecord()
                ? (police != null ? "POLICE" : card != null ? "CARD" : null) : null;
        return new Resident(index, idNumber, legacy, name, sex, ethnicity, birth, kind, police, card, student,
                custody, assistance, List.copyOf(participations), List.copyOf(elsewhere), wrongCheckIn, duplicateIn);
    }

    /** Ages in Qinghai's shares: a fifth children, two thirds of working age, an eighth 60 or older. */
    private LocalDate birthDate(SplittableRandom random) {
        double u = random.nextDouble();
        int[] bounds = u < 0.21 ? new int[]{0, 16} : u < 0.41 ? new int[]{16, 30} : u < 0.65 ? new int[]{30, 45}
                : u < 0.87 ? new int[]{45, 60} : u < 0.97 ? new int[]{60, 75} : new int[]{75, 95};
        long youngest = ChronoUnit.DAYS.between(EARLIEST_BIRTH, asOf.minusYears(bounds[0]));
        long oldest = ChronoUnit.DAYS.between(EARLIEST_BIRTH, asOf.minusYears(bounds[1]));
        long day = Math.max(0, oldest + random.nextLong(Math.max(1, youngest - oldest)));
        return EARLIEST_BIRTH.plusDays(day);
    }

    /** The next free sequence number of the region, day and sex; a full day moves the birth a day on. */
    private String allocate(String region, LocalDate birth, boolean male, SplittableRandom random) {
        int regionAt = regionIndex.get(region);
        int day = (int) ChronoUnit.DAYS.between(EARLIEST_BIRTH, birth);
        for (int tries = 0; ; tries++) {
            int slot = (regionAt * days + day) * 2 + (male ? 1 : 0);
            if (sequences[slot] < 499) {
                // from a point of its own on: the sequence numbers of a day are not all 001, 002, ...
                int sequence = (Integer.remainderUnsigned(slot * 0x9E3779B1, 499) + sequences[slot]++) % 499 * 2
                        + (male ? 1 : 0) + 2;
                String body = region + EARLIEST_BIRTH.plusDays(day).format(DAY) + String.format("%03d", sequence);
                return body + IdentityNumbers.checkCharacter(body);
            }
            day = (day + 1 + random.nextInt(30)) % days;
            if (tries > days) {
                throw new IllegalStateException("no identity numbers left for region " + region);
            }
        }
    }

    private Police police(Kind kind, boolean migrant, String otherCounty, Divisions.County county,
                          Divisions.Township township, int age, SplittableRandom random) {
        String residence = township.code();
        if (!migrant && random.nextDouble() < 0.08) {
            residence = Divisions.township(divisions.county(random), random).code();
        }
        String household = migrant || kind == Kind.POLICE_OUTSIDE ? otherCounty + "100" : township.code();
        String address = migrant || kind == Kind.POLICE_OUTSIDE ? "外省户籍" + otherCounty
                : county.name() + township.name() + (1 + random.nextInt(200)) + "号";
        double u = random.nextDouble();
        double deceased = age >= 60 ? 0.04 : 0.003;
        String vital = u < deceased ? "1" : u < deceased + 0.005 ? "2" : u < deceased + 0.006 ? "3" : "0";
        LocalDate changed = vital.equals("0") ? asOf.minusDays(30 + random.nextInt(3000))
                : asOf.minusDays(random.nextInt(900));
        int dating = random.nextInt(20);
        if (!vital.equals("0") && dating == 0) {
            changed = null;
        } else if (!vital.equals("0") && dating < 3) {
            // a status that takes effect only after D does not apply at D
            changed = asOf.plusDays(1 + random.nextInt(300));
        }
        boolean deleted = kind == Kind.RESIDENT && random.nextDouble() < 0.001;
        return new Police(kind == Kind.RESIDENT && migrant ? "2" : "1", household, residence, address, vital,
                changed, deleted);
    }

    private Card card(long index, String county, SplittableRandom random) {
        String status = random.nextDouble() < 0.95 ? "1" : random.nextBoolean() ? "2" : "3";
        return new Card(county + "D" + String.format("%010d", index), county, status,
                asOf.minusDays(30 + random.nextInt(3000)));
    }

    private Student student(long index, int age, Divisions.County county, SplittableRandom random) {
        double share = age >= 6 && age < 16 ? 0.95 : age >= 16 && age < 19 ? 0.7 : age >= 19 && age < 23 ? 0.35 : 0;
        if (random.nextDouble() >= share) {
            return null;
        }
        String stage = age < 12 ? "小学" : age < 15 ? "初中" : age < 19 ? (random.nextInt(4) == 0 ? "中职" : "高中")
                : "高校";
        String school = county.name() + (stage.equals("高校") ? "青海师范大学" : "第一" + stage.replace("小学", "小学")
                .replace("初中", "初级中学").replace("高中", "高级中学").replace("中职", "职业学校"));
        String schoolRegion = stage.equals("高校") ? "630105" : county.code();
        return new Student("G" + String.format("%012d", index), school, schoolRegion, stage,
                YearMonth.of(asOf.getYear() - random.nextInt(3), 9));
    }

    /** Mostly serving a sentence at D; some released, some whose sentence ended before D, a few died in custody. */
    private Custody custody(SplittableRandom random) {
        LocalDate from = asOf.minusDays(1 + random.nextInt(2000));
        double u = random.nextDouble();
        String status = u < 0.7 ? "1" : u < 0.9 ? "2" : u < 0.95 ? "1" : "3";
        LocalDate until = u >= 0.9 && u < 0.95 ? asOf.minusDays(1 + random.nextInt(200))
                : asOf.plusDays(1 + random.nextInt(3000));
        double edge = random.nextDouble();
        if (edge < 0.05) {
            until = asOf;
        } else if (edge < 0.15) {
            until = null;
        } else if (edge < 0.18) {
            from = asOf;
        } else if (edge < 0.21) {
            from = asOf.plusDays(1 + random.nextInt(60));
        }
        return new Custody(status, from, until, "青海省西宁监狱", "630105");
    }

    /** Valid at D mostly (open, or ending on or after D); some ended before D. */
    private Assistance assistance(Divisions.Township township, SplittableRandom random) {
        String category = List.of("01", "02", "02", "02", "03", "04", "99").get(random.nextInt(7));
        LocalDate from = asOf.minusDays(random.nextInt(1500));
        double u = random.nextDouble();
        LocalDate to = null;
        if (u >= 0.6 && u < 0.85) {
            to = asOf.plusDays(random.nextInt(700));
        } else if (u >= 0.85) {
            to = asOf.minusDays(1 + random.nextInt(365));
            from = from.isAfter(to) ? to.minusDays(random.nextInt(365)) : from;
        }
        double edge = random.nextDouble();
        if (edge < 0.05) {
            to = asOf;
        } else if (edge < 0.08) {
            from = asOf;
            to = null;
        } else if (edge < 0.11) {
            from = asOf.plusDays(1 + random.nextInt(60));
            to = null;
        }
        double followUp = from.isBefore(asOf.minusDays(1)) ? random.nextDouble() : 1;
        return new Assistance(category, township.code(), from, to, followUp < 0.03 ? "U" : followUp < 0.06 ? "D"
                : null);
    }

    /**
     * Participation by age and status: employees of working age (employee pension, medical, unemployment, work
     * injury, maternity), retirees drawing a pension, the resident schemes for the rest; lapses and suspensions,
     * boundary months of the payment windows, duplicates, the never insured, and persons working in another
     * province (the national system knows them).
     */
    private void participate(List<Participation> participations, List<Elsewhere> elsewhere, String county, int age,
                             boolean female, boolean student, boolean schemeOnly, SplittableRandom random) {
        if (random.nextDouble() < 0.03) {
            return;
        }
        boolean workingAge = age >= 18 && age < (female ? 55 : 60);
        boolean outside = !schemeOnly && workingAge && !student && random.nextDouble() < 0.025;
        if (outside) {
            working(elsewhere, random);
            if (random.nextInt(3) == 0) {
                participations.add(yearly("390", county, random, false));
            }
            return;
        }
        double employedShare = county.startsWith("6301") ? 0.38 : 0.22;
        if (workingAge && !student && random.nextDouble() < employedShare) {
            employee(participations, county, random);
        } else if (!workingAge && age >= 50 && random.nextDouble() < 0.35) {
            String scheme = random.nextInt(6) == 0 ? "120" : "110";
            participations.add(new Participation(scheme, county, employer(county, random), "某某单位", "2",
                    random.nextBoolean() ? "3" : "1", asOf.minusYears(20 + random.nextInt(15)),
                    month.minusMonths(12L * (age - 55 > 0 ? age - 55 : 0) + random.nextInt(12)), null));
            participations.add(monthly("310", county, "", random, random.nextDouble() < 0.9));
            return;
        } else if (age >= 16 && !student) {
            boolean retired = age >= 60;
            if (random.nextDouble() < 0.8) {
                participations.add(retired
                        ? new Participation("170", county, "", "", "2", "1", asOf.minusYears(8),
                        month.minusMonths(random.nextInt(30)), eventOrNot(random, "1", true))
                        : yearly170(county, random));
                if (random.nextDouble() < 0.003) {
                    String other = county.equals("630102") ? "630103" : "630102";
                    participations.add(new Participation("170", other, "", "", "1", "1", asOf.minusYears(1),
                            month.minusMonths(random.nextInt(12)), null));
                }
            }
        }
        if (participations.stream().noneMatch(p -> p.scheme().equals("310")) || random.nextDouble() < 0.01) {
            double u = random.nextDouble();
            if (u < 0.005) {
                // stated as contributing, but no month paid: held, never active
                participations.add(new Participation("390", county, "", "", null, "1", asOf.minusYears(1), null,
                        null));
            } else if (u < 0.92) {
                participations.add(yearly("390", county, random, random.nextDouble() < 0.88));
            }
        }
        participations.stream().filter(p -> p.scheme().equals("310") && p.status().equals("2")).findFirst()
                .filter(p -> random.nextDouble() < 0.2).ifPresent(lapsed -> participations.add(new Participation(
                        "390", county, "", "", null, "2", lapsed.startDate(), lapsed.lastPaid(), null)));
    }

    private void working(List<Elsewhere> elsewhere, SplittableRandom random) {
        String province = ELSEWHERE_PROVINCES.get(random.nextInt(ELSEWHERE_PROVINCES.size()));
        double u = random.nextDouble();
        elsewhere.add(new Elsewhere(province, "110", u < 0.1 ? "3" : "1"));
        if (u < 0.8) {
            elsewhere.add(new Elsewhere(u < 0.05 ? "630000" : province, "310", "1"));
        }
    }

    private void employee(List<Participation> participations, String county, SplittableRandom random) {
        String employer = employer(county, random);
        String scheme = random.nextInt(7) == 0 ? "120" : "110";
        double u = random.nextDouble();
        String status = u < 0.05 ? "2" : u < 0.07 ? "3" : "1";
        boolean active = status.equals("1") && random.nextDouble() < 0.95;
        participations.add(new Participation(scheme, county, employer, "某某有限公司", "1", status,
                asOf.minusYears(1 + random.nextInt(20)), paid(active, false, random), eventOrNot(random, status, false)));
        boolean working = status.equals("1");
        participations.add(monthly("310", county, employer, random, working && random.nextDouble() < 0.95));
        if (random.nextDouble() < 0.8) {
            participations.add(monthly("210", county, employer, random, working && random.nextDouble() < 0.93));
        }
        if (random.nextDouble() < 0.85) {
            participations.add(monthly("410", county, employer, random, working && random.nextDouble() < 0.95));
        }
        if (random.nextDouble() < 0.75) {
            Participation maternity = monthly("510", county, employer, random, working && random.nextDouble() < 0.93);
            boolean ended = maternity.eventType() == null && random.nextDouble() < 0.1;
            participations.add(ended ? new Participation("510", county, employer, maternity.employerName(), null,
                    maternity.status(), maternity.startDate(), maternity.lastPaid(), null, true) : maternity);
        }
        if (random.nextDouble() < 0.01) {
            participations.add(yearly("390", county, random, true));
        }
    }

    private Participation monthly(String scheme, String county, String employer, SplittableRandom random,
                                  boolean active) {
        String status = active ? "1" : random.nextBoolean() ? "1" : random.nextBoolean() ? "2" : "3";
        return new Participation(scheme, county, employer, employer.isEmpty() ? "" : "某某有限公司", null, status,
                asOf.minusYears(1 + random.nextInt(10)), paid(active, false, random), eventOrNot(random, status,
                false));
    }

    private Participation yearly(String scheme, String county, SplittableRandom random, boolean active) {
        String status = active ? "1" : random.nextBoolean() ? "1" : "2";
        return new Participation(scheme, county, "", "", null, status, asOf.minusYears(1 + random.nextInt(8)),
                paid(active, true, random), eventOrNot(random, status, false));
    }

    private Participation yearly170(String county, SplittableRandom random) {
        boolean active = random.nextDouble() < 0.85;
        String status = active ? "1" : random.nextBoolean() ? "1" : "2";
        return new Participation("170", county, "", "", "1", status, asOf.minusYears(1 + random.nextInt(8)),
                paid(active, true, random), eventOrNot(random, status, false));
    }

    /** A last paid month inside the payment window (its oldest month included) or outside it (the next older on). */
    private YearMonth paid(boolean active, boolean yearly, SplittableRandom random) {
        int window = yearly ? 12 : 3;
        return active ? month.minusMonths(random.nextInt(window + 1))
                : month.minusMonths(window + 1 + random.nextInt(36));
    }

    /** Some participations come as one event of their scheme system instead of a file row. */
    private static String eventOrNot(SplittableRandom random, String status, boolean retired) {
        if (retired || random.nextDouble() >= 0.05) {
            return null;
        }
        return switch (status) {
            case "1" -> random.nextBoolean() ? "ENROLL" : "PAYMENT";
            case "2" -> "SUSPEND";
            default -> "TERMINATE";
        };
    }

    private static String employer(String county, SplittableRandom random) {
        return "91" + county + "MA7" + String.format("%07d", random.nextInt(10_000_000));
    }
}
