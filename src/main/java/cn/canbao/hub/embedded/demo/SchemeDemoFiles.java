package cn.canbao.hub.embedded.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The five scheme systems' demo files, each in the format of its section of the spec (§4.2–§4.6). */
final class SchemeDemoFiles {

    static final Charset GBK = Charset.forName("GB18030");
    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    private SchemeDemoFiles() {
    }

    static String fileName(String system, LocalDate today, String provinceCode, String extension) {
        return system + "_" + provinceCode + "_" + DemoDates.compact(today) + "_001_FULL." + extension;
    }

    static DemoFile pension(List<DemoParticipation> all, LocalDate today, String provinceCode) {
        List<DemoParticipation> rows = DemoParticipations.ofSchemes(all, "110", "120", "170");
        StringBuilder text = new StringBuilder(
                "AAC002|AAC003|AAC004|AAC005|AAC006|AAE140|AAB301|AAB001|AAB004|AAC008|AAC031|AAE030|AAE031|AAE042\r\n");
        for (DemoParticipation p : rows) {
            DemoPerson person = p.person();
            text.append(String.join("|", person.idNumber(), person.name(), person.sex(), person.ethnicity(),
                    DemoDates.compact(person.birthDate()), p.scheme(), person.county(), orEmpty(p.employerId()),
                    orEmpty(p.employerName()), p.personStatus(), p.contributionStatus(),
                    DemoDates.compact(p.startDate()), "", p.lastPaidMonth().format(YEAR_MONTH))).append("\r\n");
        }
        text.append("#END|").append(rows.size()).append("\r\n");
        return new DemoFile("PENSION", "pension", fileName("PENSION", today, provinceCode, "txt"),
                text.toString().getBytes(GBK), rows.size());
    }

    static DemoFile medical(List<DemoParticipation> all, LocalDate today, String provinceCode) {
        List<DemoParticipation> rows = DemoParticipations.ofSchemes(all, "310", "390");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MedicalInsuranceExport region=\"")
                .append(provinceCode).append("\" exportDate=\"").append(today).append("\" count=\"")
                .append(rows.size()).append("\">\n");
        for (DemoParticipation p : rows) {
            DemoPerson person = p.person();
            xml.append("  <Insured><IdNumber>").append(person.idNumber()).append("</IdNumber><Name>")
                    .append(person.name()).append("</Name><Sex>").append(person.sex()).append("</Sex><BirthDate>")
                    .append(person.birthDate()).append("</BirthDate><Scheme>").append(p.scheme())
                    .append("</Scheme><Region>").append(person.county()).append("</Region>");
            if (p.employerId() != null) {
                xml.append("<Employer code=\"").append(p.employerId()).append("\">").append(p.employerName())
                        .append("</Employer>");
            }
            xml.append("<Status>").append(p.contributionStatus().equals("1") ? "ACTIVE" : "SUSPENDED")
                    .append("</Status><StartDate>").append(p.startDate()).append("</StartDate><EndDate/>")
                    .append("<LastPaidMonth>").append(p.lastPaidMonth()).append("</LastPaidMonth></Insured>\n");
        }
        xml.append("</MedicalInsuranceExport>\n");
        return new DemoFile("MEDICAL", "medical", fileName("MEDICAL", today, provinceCode, "xml"),
                xml.toString().getBytes(StandardCharsets.UTF_8), rows.size());
    }

    static DemoFile unemployment(List<DemoParticipation> all, LocalDate today, String provinceCode) {
        List<DemoParticipation> rows = DemoParticipations.ofSchemes(all, "210");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DemoParticipation p : rows) {
            DemoPerson person = p.person();
            out.writeBytes(padded(person.idNumber(), 18));
            out.writeBytes(padded(person.name(), 20));
            out.writeBytes(padded(person.sex(), 1));
            out.writeBytes(padded(DemoDates.compact(person.birthDate()), 8));
            out.writeBytes(padded(person.county(), 6));
            out.writeBytes(padded(p.employerId(), 20));
            out.writeBytes(padded(p.contributionStatus(), 1));
            out.writeBytes(padded(DemoDates.compact(p.startDate()), 8));
            out.writeBytes(padded(p.lastPaidMonth().format(YEAR_MONTH), 6));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return new DemoFile("UNEMPLOYMENT", "unemployment", fileName("UNEMPLOYMENT", today, provinceCode, "dat"),
                out.toByteArray(), rows.size());
    }

    static DemoFile injury(List<DemoParticipation> all, LocalDate today, String provinceCode) {
        List<DemoParticipation> rows = DemoParticipations.ofSchemes(all, "410");
        StringBuilder lines = new StringBuilder();
        for (DemoParticipation p : rows) {
            DemoPerson person = p.person();
            lines.append("{\"idNumber\":\"").append(person.idNumber()).append("\",\"name\":\"").append(person.name())
                    .append("\",\"sex\":\"").append(person.sex().equals("1") ? "M" : "F")
                    .append("\",\"birthDate\":\"").append(person.birthDate()).append("\",\"region\":\"")
                    .append(person.county()).append("\",\"employerId\":\"").append(p.employerId())
                    .append("\",\"status\":\"").append(p.contributionStatus()).append("\",\"startDate\":\"")
                    .append(p.startDate()).append("\",\"lastPaidMonth\":\"").append(p.lastPaidMonth())
                    .append("\"}\n");
        }
        return new DemoFile("INJURY", "injury", fileName("INJURY", today, provinceCode, "jsonl"),
                lines.toString().getBytes(StandardCharsets.UTF_8), rows.size());
    }

    static DemoFile maternity(List<DemoParticipation> all, LocalDate today, String provinceCode) {
        List<DemoParticipation> rows = DemoParticipations.ofSchemes(all, "510");
        StringBuilder csv = new StringBuilder("\uFEFF公民身份号码,姓名,性别,出生日期,参保地,单位编号,参保状态,参保日期,最后缴费年月\r\n");
        for (DemoParticipation p : rows) {
            DemoPerson person = p.person();
            csv.append(String.join(",", person.idNumber(), person.name(), person.sex().equals("1") ? "男" : "女",
                    person.birthDate().format(SLASHED), person.county(), p.employerId(),
                    p.contributionStatus().equals("1") ? "正常参保" : "暂停参保", p.startDate().format(SLASHED),
                    p.lastPaidMonth().format(YEAR_MONTH))).append("\r\n");
        }
        return new DemoFile("MATERNITY", "maternity", fileName("MATERNITY", today, provinceCode, "csv"),
                csv.toString().getBytes(StandardCharsets.UTF_8), rows.size());
    }

    /** A field of a fixed-width record, right-padded with spaces to its width in GBK bytes. */
    private static byte[] padded(String value, int width) {
        byte[] bytes = orEmpty(value).getBytes(GBK);
        byte[] field = new byte[width];
        java.util.Arrays.fill(field, (byte) ' ');
        System.arraycopy(bytes, 0, field, 0, Math.min(bytes.length, width));
        return field;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
