package cn.canbao.hub.embedded.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The card base's file (spec §4.1) for the demo population. */
final class CardDemoFile {

    private CardDemoFile() {
    }

    static DemoFile of(List<DemoPerson> persons, LocalDate today, String provinceCode) {
        StringBuilder csv = new StringBuilder(
                "id_number,name,sex,ethnicity,birth_date,card_no,issue_region,card_status,issue_date\r\n");
        long records = 0;
        for (DemoPerson person : persons) {
            if (!person.hasCard()) {
                continue;
            }
            records++;
            csv.append(person.idNumber()).append(',').append(person.name()).append(',').append(person.sex())
                    .append(',').append(person.ethnicity()).append(',').append(DemoDates.compact(person.birthDate()))
                    .append(",Q").append(person.idNumber(), 6, 17).append(',').append(person.county())
                    .append(",1,").append(DemoDates.compact(today.minusYears(2))).append("\r\n");
        }
        String name = "CARD_" + provinceCode + "_" + DemoDates.compact(today) + "_001_FULL.csv";
        return new DemoFile("CARD", "card", name, csv.toString().getBytes(StandardCharsets.UTF_8), records);
    }
}
