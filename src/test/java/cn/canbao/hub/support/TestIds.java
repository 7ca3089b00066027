package cn.canbao.hub.support;

import cn.canbao.hub.standard.IdentityNumbers;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid GB 11643 identity numbers for tests, unique within a JVM so tests sharing a registry stay apart. */
public final class TestIds {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private TestIds() {
    }

    /** A valid number of a person born in the given year in the given region, odd sequence = male. */
    public static String next(String region6, int birthYear, boolean male) {
        int n = NEXT.getAndIncrement();
        int month = 1 + (n / 28) % 12;
        int day = 1 + n % 28;
        int sequence = (n / 336) % 500 * 2 + (male ? 1 : 0);
        String body = region6 + birthYear + two(month) + two(day) + String.format("%03d", sequence);
        return body + IdentityNumbers.checkCharacter(body);
    }

    public static String withWrongCheckCharacter(String valid) {
        char right = valid.charAt(17);
        char wrong = right == '1' ? '2' : '1';
        return valid.substring(0, 17) + wrong;
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
