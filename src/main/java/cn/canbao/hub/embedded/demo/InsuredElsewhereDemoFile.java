package cn.canbao.hub.embedded.demo;

import cn.canbao.hub.embedded.demo.DemoPerson.Employment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The national simulator's persons insured in another province, for the demo: a few never-insured adults of the
 * demo population whom 四川 (510000) holds in both an active pension and an active medical scheme — every
 * expectation of theirs, so the comparison after the national answer excludes them — and one whom it holds in
 * medical only, who stays uninsured. Written once; an edit of the file is kept.
 */
final class InsuredElsewhereDemoFile {

    static final int COVERED = 5;

    private InsuredElsewhereDemoFile() {
    }

    static int writeIfAbsent(Path file, List<DemoPerson> persons, LocalDate today) throws IOException {
        if (Files.exists(file)) {
            return 0;
        }
        List<DemoPerson> neverInsured = persons.stream()
                .filter(p -> p.employment() == Employment.NONE && "0".equals(p.vitalStatus()) && !p.student()
                        && !p.inCustody() && Period.between(p.birthDate(), today).getYears() >= 16)
                .limit(COVERED + 1).toList();
        List<String> lines = new ArrayList<>(List.of("id_number,province,scheme,status"));
        for (int i = 0; i < neverInsured.size(); i++) {
            String id = neverInsured.get(i).idNumber();
            if (i < COVERED) {
                lines.add(id + ",510000,170,1");
            }
            lines.add(id + ",510000,390,1");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        return neverInsured.size();
    }
}
