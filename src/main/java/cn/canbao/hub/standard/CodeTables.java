package cn.canbao.hub.standard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;

/**
 * The code tables of the interface specification (section 2 and the formats of section 4), by the name a
 * connector descriptor uses. Tables of a public standard are read from the reference copies; the small tables
 * the specification itself defines are written here.
 */
public final class CodeTables {

    private static final CodeTables STANDARD = new CodeTables();

    private final Map<String, CodeTable> tableOfName = new LinkedHashMap<>();

    private CodeTables() {
        add(fromReference("sex", "sex_gbt2261_1.csv"));
        Map<String, String> ethnicities = labels("ethnicity_gb3304.csv");
        // GB 3304 codes beyond the 56 groups, absent from the reference table of groups
        ethnicities.put("97", "其他");
        ethnicities.put("98", "外国血统中国籍人士");
        add(new CodeTable("ethnicity", ethnicities, ErrorCode.CODE_UNKNOWN));
        // the programme's schemes: the AAE140 table also lists supplementary medical schemes (320, 330, 340, 392)
        // that the programme does not count, so a source sending them is told
        add(new CodeTable("scheme", programmeSchemes(scheme -> true), ErrorCode.CODE_UNKNOWN));
        // the schemes one scheme system may report: a pension file saying 310 is a wrong code, not a medical record
        add(new CodeTable("pensionScheme", programmeSchemes(runBy("PENSION")), ErrorCode.CODE_UNKNOWN));
        add(new CodeTable("medicalScheme", programmeSchemes(runBy("MEDICAL")), ErrorCode.CODE_UNKNOWN));
        add(fromReference("contributionStatus", "payment_status_aac031.csv"));
        add(fixed("personStatus", "1", "在职（劳动年龄）", "2", "退休（领取养老金）", "3", "终止"));
        add(fixed("populationCategory", "1", "户籍人口", "2", "外来常住人口"));
        add(fixed("vitalStatus", "0", "正常", "1", "死亡", "2", "迁出省外", "3", "注销"));
        add(fixed("policeOperation", "ADD", "新增", "UPDATE", "变更", "DELETE", "删除"));
        add(fixed("custodyStatus", "1", "在押", "2", "释放", "3", "在押期间死亡"));
        add(fixed("assistanceCategory",
                "01", "特困供养", "02", "最低生活保障", "03", "建档立卡贫困人口", "04", "低收入重病患者", "99", "其他"));
        add(fixed("cardStatus", "1", "正常", "2", "挂失", "3", "注销"));
        add(fixed("schoolStage", "小学", "小学", "初中", "初中", "高中", "高中", "中职", "中等职业教育", "高校", "高等学校"));
        add(fixed("frontDbOperation", "I", "新增", "U", "变更", "D", "删除"));
        add(new CodeTable("eventType", pairs("ENROLL", "参保登记", "SUSPEND", "暂停缴费", "RESUME", "恢复缴费",
                "TERMINATE", "终止参保", "TRANSFER_OUT", "转出", "PAYMENT", "缴费"), ErrorCode.EVENT_TYPE));
    }

    public static CodeTables standard() {
        return STANDARD;
    }

    /**
     * The table a descriptor names.
     *
     * @throws IllegalArgumentException for a name that is no table: a configuration error, never user data
     */
    public CodeTable table(String name) {
        CodeTable table = tableOfName.get(name);
        if (table == null) {
            throw new IllegalArgumentException("unknown code table '" + name + "', expected one of " + names());
        }
        return table;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(tableOfName.keySet());
    }

    private void add(CodeTable table) {
        tableOfName.put(table.name(), table);
    }

    private static CodeTable fromReference(String name, String fileName) {
        return new CodeTable(name, labels(fileName), ErrorCode.CODE_UNKNOWN);
    }

    private static CodeTable fixed(String name, String... codeLabelPairs) {
        return new CodeTable(name, pairs(codeLabelPairs), ErrorCode.CODE_UNKNOWN);
    }

    /** The programme's schemes that pass the filter, with their AAE140 names. */
    private static Map<String, String> programmeSchemes(Predicate<Schemes.Scheme> filter) {
        Map<String, String> labelOfCode = new LinkedHashMap<>();
        for (Schemes.Scheme scheme : Schemes.programme().schemes()) {
            if (filter.test(scheme)) {
                labelOfCode.put(scheme.code(), scheme.name());
            }
        }
        return labelOfCode;
    }

    private static Predicate<Schemes.Scheme> runBy(String system) {
        return scheme -> scheme.system().equals(system);
    }

    private static Map<String, String> labels(String fileName) {
        Map<String, String> labelOfCode = new LinkedHashMap<>();
        for (CSVRecord row : ReferenceCsv.rows(fileName)) {
            labelOfCode.put(row.get("code"), row.get("name"));
        }
        return labelOfCode;
    }

    private static Map<String, String> pairs(String... codeLabelPairs) {
        Map<String, String> labelOfCode = new LinkedHashMap<>();
        for (int i = 0; i < codeLabelPairs.length; i += 2) {
            labelOfCode.put(codeLabelPairs[i], codeLabelPairs[i + 1]);
        }
        return labelOfCode;
    }
}
