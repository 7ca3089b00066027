package cn.canbao.hub.province;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code scripts/province.sh}: {@code generate --persons N --seed S --as-of D --out DIR [--records-per-file M]}
 * writes a province; {@code check --truth DIR --database JDBC-URL [--user U] [--password P] [--run ID]} compares a
 * completed comparison run with its ground truth and exits 1 on any disagreement.
 */
public final class ProvinceCommand {

    private ProvinceCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "generate" -> generate(options);
            case "check" -> System.exit(check(options) ? 0 : 1);
            default -> usage();
        }
    }

    private static void generate(Map<String, String> options) throws Exception {
        ProvinceSettings settings = new ProvinceSettings(Long.parseLong(required(options, "persons")),
                Long.parseLong(options.getOrDefault("seed", "20171015")),
                LocalDate.parse(options.getOrDefault("as-of", "2017-10-15")), Path.of(required(options, "out")),
                Integer.parseInt(options.getOrDefault("records-per-file",
                        Integer.toString(ProvinceSettings.DEFAULT_RECORDS_PER_FILE))), Noise.DEFAULT);
        ProvinceGenerator.Summary summary = ProvinceGenerator.generate(settings);
        System.out.printf("%,d persons in %.1f s into %s%ncategories %s%nfiles %s%nevents %,d, front-database rows "
                        + "%,d, records to quarantine %,d%n", summary.persons(), summary.millis() / 1000.0,
                settings.out(), summary.categories(), summary.files(), summary.events(), summary.civilRows(),
                summary.quarantined());
    }

    private static boolean check(Map<String, String> options) throws Exception {
        try (Connection hub = DriverManager.getConnection(required(options, "database"),
                options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""))) {
            Agreement agreement = AgreementCheck.check(Path.of(required(options, "truth")), hub,
                    options.containsKey("run") ? Long.valueOf(options.get("run")) : null);
            System.out.print(agreement.report());
            return agreement.agrees();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage();
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.println("missing --" + name);
            usage();
        }
        return value;
    }

    private static void usage() {
        System.err.println("usage: province.sh generate --persons N [--seed S] [--as-of yyyy-MM-dd] --out DIR "
                + "[--records-per-file M]\n       province.sh check --truth DIR --database JDBC-URL [--user U] "
                + "[--password P] [--run ID]");
        System.exit(2);
    }
}
