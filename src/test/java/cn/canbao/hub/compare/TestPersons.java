package cn.canbao.hub.compare;

import cn.canbao.hub.standard.IdentityNumbers;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Identity numbers with an exact birth date, for the age rules. The address part is 632823 (天峻县) and the
 * sequence runs from 900, which the shared TestIds never hands out together, so the numbers stay apart from
 * other tests' persons in the shared registry.
 */
final class TestPersons {

    private static final AtomicInteger NEXT = new AtomicInteger(900);

    private TestPersons() {
    }

    static String bornOn(LocalDate birthDate, boolean male) {
        int sequence = NEXT.getAndIncrement() % 1000;
        if (sequence % 2 == (male ? 0 : 1)) {
            sequence = NEXT.getAndIncrement() % 1000;
        }
        String body = "632823" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return body + IdentityNumbers.checkCharacter(body);
    }

    static String adult() {
        return bornOn(LocalDate.of(1980, 5, 5).plusDays(NEXT.get() % 300), true);
    }
}
