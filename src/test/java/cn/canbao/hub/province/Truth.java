package cn.canbao.hub.province;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The ground truth files a generated province comes with, and their rows. */
final class Truth {

    static final String PERSONS = "persons.csv";
    static final String QUARANTINE = "quarantine.csv";
    static final String PERSONS_HEADER = "id_number,kind,category,exclusion,flags,missing_schemes";
    static final String QUARANTINE_HEADER = "system,file,record,code";

    /** What the comparison must find for one person; flags and 缺少险种 joined by {@code ;}. */
    record Expected(String idNumber, String kind, String category, String exclusion, Set<String> flags,
                    Set<String> missing) {
    }

    /** A record the hub must have quarantined. */
    record Rejected(String system, String file, long record, String code) {
    }

    private Truth() {
    }

    static String line(String idNumber, String kind, Oracle.Verdict verdict) {
        return idNumber + "," + kind + "," + verdict.category() + "," + (verdict.exclusion() == null ? ""
                : verdict.exclusion()) + "," + String.join(";", verdict.flags()) + ","
                + String.join(";", verdict.missing());
    }

    static void persons(Path truth, Consumer<Expected> each) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(truth.resolve(PERSONS))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                each.accept(new Expected(cells[0], cells[1], cells[2], cells[3].isEmpty() ? null : cells[3],
                        set(cells[4]), set(cells[5])));
            }
        }
    }

    static List<Rejected> quarantine(Path truth) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(truth.resolve(QUARANTINE))) {
            return reader.lines().skip(1).map(line -> line.split(",", -1))
                    .map(c -> new Rejected(c[0], c[1], Long.parseLong(c[2]), c[3])).toList();
        }
    }

    static Set<String> set(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(joined.split(";")));
    }
}
