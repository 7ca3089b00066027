package cn.canbao.hub.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Data file names of spec §3, unique within a JVM. */
public final class TestFiles {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 10, 15);

    private TestFiles() {
    }

    public static String name(String system, String extension) {
        int n = NEXT.getAndIncrement();
        String day = FIRST_DAY.plusDays(n / 999).toString().replace("-", "");
        return String.format("%s_630000_%s_%03d.%s", system, day, n % 999 + 1, extension);
    }
}
