package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Delivery.FrontDbRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rows of the civil-affairs front database (spec §4.10): recipients of each assistance category, and rows the hub
 * marks rejected (sync status 9) for a wrong check character or an unknown category.
 */
final class WorkloadRows {

    private static final int VALID_ROWS = 8;
    private static final List<String> CATEGORIES = List.of("01", "02", "03", "04", "99");
    private static final List<String> NAMES = List.of("王芳", "李秀兰", "马占海", "韩德明", "祁永录", "冶秀英");
    private static final LocalDateTime OP_TIME = LocalDateTime.of(2017, 10, 15, 9, 0);

    private WorkloadRows() {
    }

    static List<FrontDbRow> civilAffairs(Random random) {
        List<FrontDbRow> rows = new ArrayList<>();
        for (int i = 0; i < VALID_ROWS; i++) {
            rows.add(row(rows.size() + 1, WorkloadIds.valid(random), CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                    random));
        }
        rows.add(row(rows.size() + 1, WorkloadIds.withWrongCheckCharacter(random), "01", random));
        rows.add(row(rows.size() + 1, WorkloadIds.valid(random), "05", random));
        return List.copyOf(rows);
    }

    private static FrontDbRow row(long seq, String idNumber, String category, Random random) {
        return new FrontDbRow(seq, idNumber, NAMES.get(random.nextInt(NAMES.size())), category, "630121100",
                LocalDate.of(2017, 1 + random.nextInt(9), 1), random.nextBoolean() ? "I" : "U",
                OP_TIME.plusMinutes(seq));
    }
}
