package cn.canbao.hub.embedded.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The departments' demo files: public security (§4.7), education (§4.8), justice (§4.9). */
final class DepartmentDemoFiles {

    private DepartmentDemoFiles() {
    }

    static DemoFile police(List<DemoPerson> persons, LocalDate today, String provinceCode) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"GBK\"?>\n<PopulationExchange sender=\"")
                .append(provinceCode).append("\" date=\"").append(DemoDates.compact(today)).append("\" count=\"")
                .append(persons.size()).append("\">\n");
        for (DemoPerson person : persons) {
            xml.append("  <Person op=\"ADD\"><GMSFHM>").append(person.idNumber()).append("</GMSFHM><XM>")
                    .append(person.name()).append("</XM><XB>").append(person.sex()).append("</XB><MZ>")
                    .append(person.ethnicity()).append("</MZ><CSRQ>").append(DemoDates.compact(person.birthDate()))
                    .append("</CSRQ><RYLB>").append(person.category()).append("</RYLB><HJXZQH>")
                    .append(person.category().equals("1") ? person.township() : "").append("</HJXZQH><JZXZQH>")
                    .append(person.township()).append("</JZXZQH><HJDZ>").append(person.county())
                    .append("某街道某社区</HJDZ><RYZT>").append(person.vitalStatus()).append("</RYZT><BDRQ>")
                    .append(DemoDates.compact(today.minusMonths(1))).append("</BDRQ></Person>\n");
        }
        xml.append("</PopulationExchange>\n");
        return new DemoFile("POLICE", "police", SchemeDemoFiles.fileName("POLICE", today, provinceCode, "xml"),
                xml.toString().getBytes(SchemeDemoFiles.GBK), persons.size());
    }

    static DemoFile education(List<DemoPerson> persons, LocalDate today, String provinceCode) {
        StringBuilder csv = new StringBuilder("\uFEFF学籍号,姓名,身份证件号,性别,出生日期,学校名称,学校所在地,学段,入学年月,户籍所在地\r\n");
        long records = 0;
        for (DemoPerson person : persons) {
            if (!person.student()) {
                continue;
            }
            records++;
            int age = today.getYear() - person.birthDate().getYear();
            String stage = age < 13 ? "小学" : age < 16 ? "初中" : age < 19 ? "高中" : "高校";
            csv.append(String.join(",", "G" + person.idNumber(), person.name(), person.idNumber(),
                    person.sex().equals("1") ? "男" : "女", person.birthDate().toString(),
                    person.county() + stage + "学校", person.county(), stage,
                    today.minusYears(1).withMonth(9).toString().substring(0, 7), person.county())).append("\r\n");
        }
        return new DemoFile("EDUCATION", "education",
                SchemeDemoFiles.fileName("EDUCATION", today, provinceCode, "csv"),
                csv.toString().getBytes(StandardCharsets.UTF_8), records);
    }

    static DemoFile justice(List<DemoPerson> persons, LocalDate today, String provinceCode) {
        StringBuilder csv = new StringBuilder("身份证号,姓名,性别,入监日期,刑期止日,监所名称,监所所在地,人员状态\r\n");
        long records = 0;
        for (DemoPerson person : persons) {
            if (!person.inCustody()) {
                continue;
            }
            records++;
            csv.append(String.join(",", person.idNumber(), person.name(), person.sex().equals("1") ? "男" : "女",
                    DemoDates.compact(today.minusYears(1)), DemoDates.compact(today.plusYears(2)), "青海省某监狱",
                    "630100", "1")).append("\r\n");
        }
        return new DemoFile("JUSTICE", "justice", SchemeDemoFiles.fileName("JUSTICE", today, provinceCode, "csv"),
                csv.toString().getBytes(SchemeDemoFiles.GBK), records);
    }
}
