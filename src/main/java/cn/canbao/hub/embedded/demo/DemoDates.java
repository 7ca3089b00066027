package cn.canbao.hub.embedded.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Date forms the demo files use. */
final class DemoDates {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private DemoDates() {
    }

    static String compact(LocalDate date) {
        return date.format(COMPACT);
    }
}
