package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Data file names (spec §3): the conventional one of a run's n-th file, and names that break the convention but
 * keep the system's extension (a file without it is no data file of the account and is never read).
 */
final class FileNames {

    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 1, 1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private FileNames() {
    }

    /** Unique for each n of a run: one day per 999 files. */
    static String conventional(FileSource source, int n, boolean full) {
        return source.system() + "_630000_" + day(n) + "_" + sequence(n) + (full ? "_FULL" : "") + "." + source.extension();
    }

    static String[] broken(FileSource source, int n, Random random) {
        String system = source.system();
        String day = day(n);
        String seq = sequence(n);
        String ext = "." + source.extension();
        int kind = random.nextInt(14);
        String name = switch (kind) {
            case 0 -> system.toLowerCase() + "_630000_" + day + "_" + seq + ext;
            case 1 -> (system.equals("CARD") ? "PENSION" : "CARD") + "_630000_" + day + "_" + seq + ext;
            case 2 -> system + "_63000_" + day + "_" + seq + ext;
            case 3 -> system + "_630000_" + day.substring(0, 4) + "-" + day.substring(4, 6) + "-" + day.substring(6)
                    + "_" + seq + ext;
            case 4 -> system + "_630000_" + day + "_" + n + "0" + ext;
            case 5 -> system + "_630000_" + day + "_" + seq + "_full" + ext;
            case 6 -> system + "_630000_" + day + "_" + seq + "_FULL_FULL" + ext;
            case 7 -> system + " 630000 " + day + " " + seq + ext;
            case 8 -> system + "_青海_" + day + "_" + seq + ext;
            case 9 -> system + "_630000_" + day + "_" + seq + "_" + "x".repeat(150 + random.nextInt(60)) + ext;
            case 10 -> system + "_630000_" + day + "_" + seq + pick(random, "'", ";", "$(id)", "%20", "&", "#", "\"")
                    + ext;
            case 11 -> system + "_６３００００_" + day + "_" + seq + ext;
            case 12 -> system + "_630000_" + day + "_" + seq + ext + ext;
            default -> "-" + system + "_630000_" + day + "_" + seq + ext;
        };
        return new String[] {name, "name-" + kind};
    }

    private static String day(int n) {
        return FIRST_DAY.plusDays(n / 999).format(DAY);
    }

    private static String sequence(int n) {
        return String.format("%03d", n % 999 + 1);
    }
}
