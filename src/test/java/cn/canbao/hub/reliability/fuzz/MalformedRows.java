package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.standard.IdentityNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Front-database rows of odd values (spec §4.10): identity numbers, names, categories, regions, dates, operations and
 * times that a civil-affairs system may write and its table accepts. Each row starts valid and has one to three
 * columns changed; seqs are consecutive from a base, so a run's rows are unique.
 */
public final class MalformedRows {

    private static final List<String> ID_NUMBERS = List.of("", " ", "63010219800101123", "630102800101123",
            "ABCDEFGHIJKLMNOPQR", "６３０１０２１９８００１０１１２３０", "张三", "'; DROP TABLE x;--", "630102 98001011230",
            "630102198001011231", "63010219800101123x", "000000000000000000", "99010219800101123X", "630102203001011230",
            "63010219800230123X", "😀😀😀😀😀😀😀😀😀", "\t630102198001011", "630102198001011230".replace('0', 'O'));
    private static final List<String> NAMES = List.of("", " ", "　", "王".repeat(50), "A".repeat(50), "😀", "𠀾𠀾",
            "\u0001", "\u202E王芳", "王\u200B芳", "<b>王</b>", "Robert'); DROP TABLE mz_jzdx_exchange;--", "\t\n",
            "e\u0301\u0301\u0301", "\\", "NULL", "王芳\r\n", "\uFFFD", "\uFEFF王芳", "ﾜﾝ");
    private static final List<String> CATEGORIES = List.of("", " ", "0", "1", "00", "05", "98", "ab", "中", " 1", "1 ",
            "9", "０１");
    private static final List<String> REGIONS = List.of("", "630102", "63010200", "000000000", "999999", "abcdefghi",
            "630102 01", "６３０１０２", "110101001", "632123", "63", "630102999", "-63010200", "6301020０1");
    private static final List<String> DATES = List.of("infinity", "-infinity", "0001-01-01", "4713-01-01 BC",
            "5874897-12-31", "9999-12-31", "1900-02-28", "2099-01-01", "2017-02-28", "1970-01-01", "0044-03-15 BC");
    private static final List<String> OPS = List.of("X", "i", " ", "9", "d", "中", "'", "\u0001");
    private static final List<String> TIMES = List.of("infinity", "-infinity", "0001-01-01 00:00:00",
            "294276-12-31 23:59:59", "1900-01-01 00:00:00", "4713-01-01 00:00:00 BC", "2017-10-15 09:00:00.123456",
            "2099-12-31 23:59:59.999999");

    private final Random random;
    private final long firstSeq;
    private int next;

    public MalformedRows(long seed, long firstSeq) {
        this.random = new Random(seed);
        this.firstSeq = firstSeq;
    }

    public List<MalformedRow> next(int count) {
        List<MalformedRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(next());
        }
        return rows;
    }

    /** A valid row, as the canary sends it. */
    public MalformedRow valid() {
        return new MalformedRow(firstSeq + next++, validId(), "王芳", "02", "630102001", "2017-01-01", null, "I",
                "2017-10-15 09:00:00", "valid");
    }

    private MalformedRow next() {
        MalformedRow row = valid();
        List<String> labels = new ArrayList<>();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            String column = pick(random, "id_number", "name", "category", "region", "valid_from", "valid_to", "op",
                    "op_time");
            labels.add(column);
            row = switch (column) {
                case "id_number" -> with(row, pick(random, ID_NUMBERS), row.name(), row.category(), row.region(),
                        row.validFrom(), row.validTo(), row.op(), row.opTime());
                case "name" -> with(row, row.idNumber(), pick(random, NAMES), row.category(), row.region(),
                        row.validFrom(), row.validTo(), row.op(), row.opTime());
                case "category" -> with(row, row.idNumber(), row.name(), pick(random, CATEGORIES), row.region(),
                        row.validFrom(), row.validTo(), row.op(), row.opTime());
                case "region" -> with(row, row.idNumber(), row.name(), row.category(), pick(random, REGIONS),
                        row.validFrom(), row.validTo(), row.op(), row.opTime());
                case "valid_from" -> with(row, row.idNumber(), row.name(), row.category(), row.region(),
                        pick(random, DATES), row.validTo(), row.op(), row.opTime());
                case "valid_to" -> with(row, row.idNumber(), row.name(), row.category(), row.region(),
                        row.validFrom(), pick(random, DATES), row.op(), row.opTime());
                case "op" -> with(row, row.idNumber(), row.name(), row.category(), row.region(),
                        row.validFrom(), row.validTo(), pick(random, OPS), row.opTime());
                default -> with(row, row.idNumber(), row.name(), row.category(), row.region(),
                        row.validFrom(), row.validTo(), row.op(), pick(random, TIMES));
            };
        }
        return new MalformedRow(row.seq(), row.idNumber(), row.name(), row.category(), row.region(), row.validFrom(),
                row.validTo(), row.op(), row.opTime(), "odd-" + String.join("+", labels));
    }

    private static MalformedRow with(MalformedRow row, String idNumber, String name, String category, String region,
                                     String validFrom, String validTo, String op, String opTime) {
        return new MalformedRow(row.seq(), idNumber, name, category, region, validFrom, validTo, op, opTime,
                row.mutation());
    }

    /** A valid number of Xining 城中区 (630103), born 1950-1999, so valid rows are real persons. */
    private String validId() {
        String body = "630103" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return body + IdentityNumbers.checkCharacter(body);
    }
}
