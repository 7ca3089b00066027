package cn.canbao.hub.province;

import cn.canbao.hub.province.Resident.Participation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes what each partner would send about a person, exactly in the formats of spec §4 (connectors/*.yaml): the
 * nine systems' data files with done files (and under {@code later/} the maternity system's full snapshot of the
 * next day, to be sent once the first delivery is taken in: it ends the participations it leaves out), one JSON Lines file of events per scheme system (each line a message
 * for {@code canbao.in.{system}.events}, spec §5), the civil-affairs front-database rows (CSV, the columns of
 * {@code mz_jzdx_exchange}) and the national simulator's file of persons insured elsewhere (docs/national.md). The
 * records the hub must reject are written beside the valid ones and reported to {@link #quarantined}.
 */
final class Sources implements AutoCloseable {

    /**
     * A record the hub must quarantine: its file and 1-based number there (an event: "event {eventId}", a
     * front-database row: "front-db row {seq}", number 0), and the error code.
     */
    interface QuarantineSink {
        void quarantined(String system, SourceFile.Position position, String code);
    }

    private static final Charset GBK = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter COMPACT_MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter SPREADSHEET = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] EVENT_SYSTEMS = {"PENSION", "MEDICAL", "UNEMPLOYMENT", "INJURY", "MATERNITY"};

    private final ProvinceSettings settings;
    private final QuarantineSink quarantine;
    private final Map<Source, SourceFile> files = new EnumMap<>(Source.class);
    private final Map<String, BufferedWriter> events = new HashMap<>();
    /** The maternity system's full snapshot of the next day: every participation but the ended ones. */
    private final SourceFile maternitySnapshot;
    private final BufferedWriter civil;
    private final BufferedWriter national;
    private long civilSeq;
    private long eventCount;

    private enum Source { CARD, PENSION, MEDICAL, UNEMPLOYMENT, INJURY, MATERNITY, POLICE, EDUCATION, JUSTICE }

    Sources(ProvinceSettings settings, QuarantineSink quarantine) throws IOException {
        this.settings = settings;
        this.quarantine = quarantine;
        Path out = settings.out();
        LocalDate day = settings.asOf();
        int per = settings.recordsPerFile();
        files.put(Source.CARD, new SourceFile(out, "CARD", "csv", day, per, n -> utf8(
                "id_number,name,sex,ethnicity,birth_date,card_no,issue_region,card_status,issue_date\r\n"),
                n -> new byte[0], false));
        files.put(Source.PENSION, new SourceFile(out, "PENSION", "txt", day, per, n -> gbk("AAC002|AAC003|AAC004|"
                + "AAC005|AAC006|AAE140|AAB301|AAB001|AAB004|AAC008|AAC031|AAE030|AAE031|AAE042\r\n"),
                n -> gbk("#END|" + n + "\r\n"), false));
        files.put(Source.MEDICAL, new SourceFile(out, "MEDICAL", "xml", day, per, n -> utf8(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MedicalInsuranceExport region=\"630000\" exportDate=\""
                        + day + "\" count=\"" + n + "\">\n"), n -> utf8("</MedicalInsuranceExport>\n"), true));
        files.put(Source.UNEMPLOYMENT, new SourceFile(out, "UNEMPLOYMENT", "dat", day, per, n -> new byte[0],
                n -> new byte[0], false));
        files.put(Source.INJURY, new SourceFile(out, "INJURY", "jsonl", day, per, n -> new byte[0], n -> new byte[0],
                false));
        files.put(Source.MATERNITY, new SourceFile(out, "MATERNITY", "csv", day, per, n -> withBom(
                "公民身份号码,姓名,性别,出生日期,参保地,单位编号,参保状态,参保日期,最后缴费年月\r\n"), n -> new byte[0], false));
        maternitySnapshot = new SourceFile(out.resolve("later"), "MATERNITY", "csv", "_FULL", day.plusDays(1),
                Integer.MAX_VALUE, n -> withBom("公民身份号码,姓名,性别,出生日期,参保地,单位编号,参保状态,参保日期,最后缴费年月\r\n"),
                n -> new byte[0], false);
        files.put(Source.POLICE, new SourceFile(out, "POLICE", "xml", day, per, n -> gbk(
                "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<PopulationExchange sender=\"630000\" date=\""
                        + day.format(COMPACT) + "\" count=\"" + n + "\">\n"), n -> gbk("</PopulationExchange>\n"), true));
        files.put(Source.EDUCATION, new SourceFile(out, "EDUCATION", "csv", day, per, n -> withBom(
                "学籍号,姓名,身份证件号,性别,出生日期,学校名称,学校所在地,学段,入学年月,户籍所在地\r\n"), n -> new byte[0], false));
        files.put(Source.JUSTICE, new SourceFile(out, "JUSTICE", "csv", day, per, n -> gbk(
                "身份证号,姓名,性别,入监日期,刑期止日,监所名称,监所所在地,人员状态\r\n"), n -> new byte[0], false));
        Files.createDirectories(out.resolve("events"));
        for (String system : EVENT_SYSTEMS) {
            events.put(system, Files.newBufferedWriter(out.resolve("events/" + system.toLowerCase() + ".jsonl")));
        }
        Files.createDirectories(out.resolve("civil"));
        civil = Files.newBufferedWriter(out.resolve("civil/mz_jzdx_exchange.csv"));
        civil.write("seq,id_number,name,category,region,valid_from,valid_to,op,op_time\n");
        Files.createDirectories(out.resolve("national"));
        national = Files.newBufferedWriter(out.resolve("national/insured-elsewhere.csv"));
        national.write("id_number,province,scheme,status\n");
    }

    void write(Resident person) throws IOException {
        boolean duplicate = person.duplicateIn() != null;
        if (person.police() != null) {
            byte[] record = police(person, person.idNumber(), "ADD");
            if (person.police().deleted()) {
                files.get(Source.POLICE).write(record, police(person, person.idNumber(), "DELETE"));
            } else {
                write(Source.POLICE, duplicate && person.duplicateIn().equals("POLICE"), record);
            }
            if ("POLICE".equals(person.wrongCheckIn())) {
                rejected(Source.POLICE, police(person, wrongCheckCharacter(person.idNumber()), "ADD"));
            }
        }
        if (person.card() != null) {
            String number = person.legacyNumber() != null ? person.legacyNumber() : person.idNumber();
            write(Source.CARD, duplicate && person.duplicateIn().equals("CARD"), card(person, number));
            if ("CARD".equals(person.wrongCheckIn())) {
                rejected(Source.CARD, card(person, wrongCheckCharacter(person.idNumber())));
            }
        }
        boolean wrongPensionWritten = false;
        boolean wrongEventWritten = false;
        for (Participation participation : person.participations()) {
            if (participation.scheme().equals("510") && !participation.ended()) {
                maternitySnapshot.write(participation(person, participation, person.idNumber()));
            }
            if (participation.eventType() != null) {
                event(person, participation, person.idNumber());
                if ("EVENT".equals(person.wrongCheckIn()) && !wrongEventWritten) {
                    String eventId = event(person, participation, wrongCheckCharacter(person.idNumber()));
                    quarantine.quarantined(participation.system(), new SourceFile.Position("event " + eventId, 0),
                            "ID_CHECKSUM");
                    wrongEventWritten = true;
                }
                continue;
            }
            Source system = Source.valueOf(participation.system());
            files.get(system).write(participation(person, participation, person.idNumber()));
            if (system == Source.PENSION && "PENSION".equals(person.wrongCheckIn()) && !wrongPensionWritten) {
                rejected(Source.PENSION, participation(person, participation,
                        wrongCheckCharacter(person.idNumber())));
                wrongPensionWritten = true;
            }
        }
        if (person.student() != null) {
            files.get(Source.EDUCATION).write(student(person, person.idNumber()));
        }
        if (person.custody() != null) {
            files.get(Source.JUSTICE).write(custody(person));
        }
        if (person.assistance() != null) {
            Resident.Assistance a = person.assistance();
            civilRow(person, person.idNumber(), a.validTo(), "I");
            if ("CIVIL".equals(person.wrongCheckIn())) {
                civilRow(person, wrongCheckCharacter(person.idNumber()), a.validTo(), "I");
                quarantine.quarantined("CIVIL", new SourceFile.Position("front-db row " + civilSeq, 0), "ID_CHECKSUM");
            }
            if (a.followUp() != null) {
                civilRow(person, person.idNumber(), a.followUp().equals("U") ? settings.asOf().minusDays(1) : a.validTo(), a.followUp());
            }
        }
        for (Resident.Elsewhere row : person.elsewhere()) {
            national.write(person.idNumber() + "," + row.province() + "," + row.scheme() + "," + row.status() + "\n");
        }
    }

    private void civilRow(Resident person, String number, LocalDate validTo, String operation) throws IOException {
        Resident.Assistance a = person.assistance();
        civilSeq++;
        civil.write(civilSeq + "," + number + "," + person.name() + "," + a.category() + ","
                + a.township() + "," + a.validFrom() + "," + (validTo == null ? "" : validTo) + "," + operation
                + "," + settings.asOf() + " 08:00:00\n");
    }

    /** A student record without identity number: kept unmatched, a warning only. */
    void studentWithoutNumber(Resident person) {
        if (person.student() != null) {
            files.get(Source.EDUCATION).write(student(person, ""));
        }
    }

    private void write(Source system, boolean twice, byte[] record) {
        if (twice) {
            files.get(system).write(record, record);
        } else {
            files.get(system).write(record);
        }
    }

    private void rejected(Source system, byte[] record) {
        quarantine.quarantined(system.name(), files.get(system).write(record), "ID_CHECKSUM");
    }

    static String wrongCheckCharacter(String valid) {
        char right = valid.charAt(17);
        return valid.substring(0, 17) + (right == '1' ? '2' : '1');
    }

    private byte[] police(Resident person, String number, String operation) {
        Resident.Police p = person.police();
        return gbk("  <Person op=\"" + operation + "\">\n    <GMSFHM>" + number + "</GMSFHM>\n    <XM>" + person.name()
                + "</XM>\n    <XB>" + person.sex() + "</XB>\n    <MZ>" + person.ethnicity() + "</MZ>\n    <CSRQ>"
                + person.birthDate().format(COMPACT) + "</CSRQ>\n    <RYLB>" + p.category() + "</RYLB>\n    <HJXZQH>"
                + p.householdTownship() + "</HJXZQH>\n    <JZXZQH>" + p.residenceTownship() + "</JZXZQH>\n    <HJDZ>"
                + p.address() + "</HJDZ>\n    <RYZT>" + p.vitalStatus() + "</RYZT>\n"
                + (p.statusChangedOn() == null ? "    <BDRQ/>\n" : "    <BDRQ>" + p.statusChangedOn().format(COMPACT)
                + "</BDRQ>\n") + "  </Person>\n");
    }

    private static byte[] card(Resident person, String number) {
        Resident.Card c = person.card();
        return utf8(number + "," + person.name() + "," + person.sex() + "," + person.ethnicity() + ","
                + person.birthDate().format(COMPACT) + "," + c.cardNo() + "," + c.issueRegion() + "," + c.status()
                + "," + c.issueDate().format(COMPACT) + "\r\n");
    }

    private byte[] participation(Resident person, Participation p, String number) {
        return switch (p.system()) {
            case "PENSION" -> gbk(String.join("|", pensionFields(person, p, number)) + "\r\n");
            case "MEDICAL" -> utf8("  <Insured>\n    <IdNumber>" + number + "</IdNumber>\n    <Name>" + person.name()
                    + "</Name>\n    <Sex>" + person.sex() + "</Sex>\n    <BirthDate>" + person.birthDate()
                    + "</BirthDate>\n    <Scheme>" + p.scheme() + "</Scheme>\n    <Region>" + p.region() + "</Region>\n"
                    + (p.employerId().isEmpty() ? "" : "    <Employer code=\"" + p.employerId() + "\">"
                    + p.employerName() + "</Employer>\n") + "    <Status>" + medicalStatus(p.status())
                    + "</Status>\n    <StartDate>" + p.startDate() + "</StartDate>\n    <EndDate/>\n"
                    + (p.lastPaid() == null ? "    <LastPaidMonth/>\n" : "    <LastPaidMonth>" + p.lastPaid()
                    + "</LastPaidMonth>\n") + "  </Insured>\n");
            case "UNEMPLOYMENT" -> unemployment(person, p, number);
            case "INJURY" -> utf8(injuryJson(person, p, number).toString() + "\n");
            default -> utf8(number + "," + person.name() + "," + (person.sex().equals("1") ? "男" : "女") + ","
                    + person.birthDate().format(SPREADSHEET) + "," + p.region() + "," + p.employerId() + ","
                    + maternityStatus(p.status()) + "," + p.startDate().format(SPREADSHEET) + ","
                    + p.lastPaid().format(COMPACT_MONTH) + "\r\n");
        };
    }

    private static String[] pensionFields(Resident person, Participation p, String number) {
        return new String[]{number, person.name(), person.sex(), person.ethnicity(),
                person.birthDate().format(COMPACT), p.scheme(), p.region(), p.employerId(), p.employerName(),
                p.personStatus(), p.status(), p.startDate().format(COMPACT), "", p.lastPaid().format(COMPACT_MONTH)};
    }

    /** 88 bytes of GBK: the name right-padded to 20 bytes, cut at a character's end where it is longer. */
    private static byte[] unemployment(Resident person, Participation p, String number) {
        StringBuilder line = new StringBuilder();
        String name = fitBytes(person.name(), 20);
        line.append(pad(number, 18)).append(name).append(" ".repeat(20 - gbkLength(name)))
                .append(person.sex()).append(person.birthDate().format(COMPACT)).append(p.region())
                .append(pad(p.employerId(), 20)).append(p.status()).append(p.startDate().format(COMPACT))
                .append(p.lastPaid().format(COMPACT_MONTH)).append("\r\n");
        return gbk(line.toString());
    }

    static String fitBytes(String text, int bytes) {
        StringBuilder fitted = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int length = gbkLength(character);
            if (used + length > bytes) {
                break;
            }
            fitted.append(character);
            used += length;
            i += Character.charCount(codePoint);
        }
        return fitted.toString();
    }

    private static int gbkLength(String text) {
        return text.getBytes(GBK).length;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private ObjectNode injuryJson(Resident person, Participation p, String number) {
        ObjectNode record = JSON.createObjectNode();
        record.put("idNumber", number).put("name", person.name()).put("sex", person.sex().equals("1") ? "M" : "F")
                .put("birthDate", person.birthDate().toString()).put("region", p.region())
                .put("employerId", p.employerId()).put("status", p.status())
                .put("startDate", p.startDate().toString()).put("lastPaidMonth", p.lastPaid().toString());
        return record;
    }

    private byte[] student(Resident person, String number) {
        Resident.Student s = person.student();
        return utf8(s.studentNo() + "," + person.name() + "," + number + "," + (person.sex().equals("1") ? "男" : "女")
                + "," + person.birthDate() + "," + s.school() + "," + s.schoolRegion() + "," + s.stage() + ","
                + s.enrolled() + "," + person.police().householdTownship() + "\r\n");
    }

    private byte[] custody(Resident person) {
        Resident.Custody c = person.custody();
        return gbk(person.idNumber() + "," + person.name() + "," + person.sex() + "," + c.from().format(COMPACT) + ","
                + (c.until() == null ? "" : c.until().format(COMPACT)) + "," + c.facility() + ","
                + c.facilityRegion() + "," + c.status() + "\r\n");
    }

    /** The participation as one event of its scheme system, the record named and formatted as in its file (§5). */
    private String event(Resident person, Participation p, String number) throws IOException {
        ObjectNode record = JSON.createObjectNode();
        switch (p.system()) {
            case "PENSION" -> {
                String[] names = {"AAC002", "AAC003", "AAC004", "AAC005", "AAC006", "AAE140", "AAB301", "AAB001",
                        "AAB004", "AAC008", "AAC031", "AAE030", "AAE031", "AAE042"};
                String[] values = pensionFields(person, p, number);
                for (int i = 0; i < names.length; i++) {
                    record.put(names[i], values[i]);
                }
            }
            case "MEDICAL" -> record.put("IdNumber", number).put("Name", person.name()).put("Sex", person.sex())
                    .put("BirthDate", person.birthDate().toString()).put("Scheme", p.scheme())
                    .put("Region", p.region()).put("Employer@code", p.employerId()).put("Employer", p.employerName())
                    .put("Status", medicalStatus(p.status())).put("StartDate", p.startDate().toString())
                    .put("EndDate", "").put("LastPaidMonth", p.lastPaid().toString());
            case "UNEMPLOYMENT" -> record.put("idNumber", number).put("name", person.name()).put("sex", person.sex())
                    .put("birthDate", person.birthDate().format(COMPACT)).put("region", p.region())
                    .put("employerId", p.employerId()).put("status", p.status())
                    .put("startDate", p.startDate().format(COMPACT))
                    .put("lastPaidMonth", p.lastPaid().format(COMPACT_MONTH));
            case "INJURY" -> record = injuryJson(person, p, number);
            default -> record.put("公民身份号码", number).put("姓名", person.name())
                    .put("性别", person.sex().equals("1") ? "男" : "女")
                    .put("出生日期", person.birthDate().format(SPREADSHEET)).put("参保地", p.region())
                    .put("单位编号", p.employerId()).put("参保状态", maternityStatus(p.status()))
                    .put("参保日期", p.startDate().format(SPREADSHEET))
                    .put("最后缴费年月", p.lastPaid().format(COMPACT_MONTH));
        }
        eventCount++;
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.nameUUIDFromBytes((settings.seed() + ":" + eventCount)
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .put("system", p.system()).put("type", p.eventType())
                .put("occurredAt", settings.asOf().minusDays(1) + "T09:30:00+08:00");
        event.set("record", record);
        events.get(p.system()).write(event.toString());
        events.get(p.system()).write('\n');
        return event.get("eventId").asText();
    }

    private static String medicalStatus(String status) {
        return switch (status) {
            case "1" -> "ACTIVE";
            case "2" -> "SUSPENDED";
            default -> "TERMINATED";
        };
    }

    private static String maternityStatus(String status) {
        return switch (status) {
            case "1" -> "正常参保";
            case "2" -> "暂停参保";
            default -> "终止参保";
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gbk(String text) {
        return text.getBytes(GBK);
    }

    private static byte[] withBom(String text) {
        byte[] body = utf8(text);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    long events() {
        return eventCount;
    }

    long civilRows() {
        return civilSeq;
    }

    Map<String, Long> filesPerSystem() {
        Map<String, Long> counts = new TreeMap<>();
        files.forEach((system, file) -> counts.put(system.name(), file.files()));
        return counts;
    }

    @Override
    public void close() throws IOException {
        for (SourceFile file : files.values()) {
            file.close();
        }
        maternitySnapshot.close();
        for (BufferedWriter writer : events.values()) {
            writer.close();
        }
        civil.close();
        national.close();
    }
}
