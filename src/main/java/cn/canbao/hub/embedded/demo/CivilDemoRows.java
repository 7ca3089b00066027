package cn.canbao.hub.embedded.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What civil affairs writes into its front database (spec §4.10) for the demo population's recipients. */
final class CivilDemoRows {

    private static final String[] CATEGORIES = {"01", "02", "03", "04"};

    private CivilDemoRows() {
    }

    static int insert(JdbcTemplate civilAffairs, List<DemoPerson> persons, LocalDate today) {
        List<Object[]> rows = new ArrayList<>();
        long seq = 0;
        for (DemoPerson person : persons) {
            if (person.idNumber().charAt(14) != '0' || !"0".equals(person.vitalStatus())) {
                continue;
            }
            seq++;
            rows.add(new Object[] {seq, person.idNumber(), person.name(), CATEGORIES[(int) (seq % CATEGORIES.length)],
                    person.township(), Date.valueOf(today.minusYears(1)), Timestamp.valueOf(today.atTime(8, 0))});
        }
        civilAffairs.batchUpdate("INSERT INTO mz_jzdx_exchange (seq, id_number, name, category, region, valid_from, "
                + "op, op_time) VALUES (?, ?, ?, ?, ?, ?, 'I', ?) ON CONFLICT (seq) DO NOTHING", rows);
        return rows.size();
    }
}
