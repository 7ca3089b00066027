package cn.canbao.hub.embedded.demo;

import cn.canbao.hub.embedded.demo.DemoPerson.Employment;
import cn.canbao.hub.standard.IdentityNumbers;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A reproducible synthetic population (seeded), spread over the townships of a few counties, with the mix
 * of situations the comparison is there to find: insured, uninsured, lapsed, partially insured, students,
 * retirees, the deceased, the moved away, people in custody.
 */
public final class DemoPopulation {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "马", "韩", "祁", "冶", "才"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "涛", "明", "超", "秀英", "桂兰", "海燕", "建国", "玉兰", "德吉", "卓玛", "措毛", "才让"};
    private static final String[] TIBETAN = {"扎西·多杰", "索南·才让", "卓玛·拉毛", "旦增·尼玛", "更登·加措"};

    private DemoPopulation() {
    }

    public static List<DemoPerson> generate(int size, List<String> townships, LocalDate today, long seed) {
        Random random = new Random(seed);
        Set<String> used = new HashSet<>();
        List<DemoPerson> persons = new ArrayList<>(size);
        while (persons.size() < size) {
            String township = townships.get(random.nextInt(townships.size()));
            LocalDate birthDate = today.minusDays(random.nextInt(85 * 365));
            boolean male = random.nextBoolean();
            String idNumber = idNumber(township.substring(0, 6), birthDate, male, random);
            if (!used.add(idNumber)) {
                continue;
            }
            int age = Period.between(birthDate, today).getYears();
            boolean tibetan = random.nextInt(10) == 0;
            String name = tibetan ? TIBETAN[random.nextInt(TIBETAN.length)]
                    : SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String ethnicity = tibetan ? "04" : random.nextInt(6) == 0 ? "03" : "01";
            int roll = random.nextInt(100);
            String vitalStatus = roll < 2 ? "1" : roll < 4 ? "2" : "0";
            boolean student = age >= 6 && age <= 22 && random.nextInt(10) < 8;
            Employment employment = employment(age, student, random);
            persons.add(new DemoPerson(idNumber, name, male ? "1" : "2", ethnicity, birthDate, township,
                    random.nextInt(12) == 0 ? "2" : "1", vitalStatus, employment,
                    employment != Employment.NONE && random.nextInt(8) == 0,
                    random.nextInt(10) < 9, student, age >= 18 && random.nextInt(150) == 0));
        }
        return persons;
    }

    private static Employment employment(int age, boolean student, Random random) {
        if (age >= 60) {
            return random.nextInt(10) < 7 ? Employment.RETIREE : Employment.RESIDENT;
        }
        if (age < 16 || student) {
            return random.nextInt(10) < 9 ? Employment.RESIDENT : Employment.NONE;
        }
        int roll = random.nextInt(100);
        return roll < 40 ? Employment.EMPLOYEE : roll < 85 ? Employment.RESIDENT : Employment.NONE;
    }

    private static String idNumber(String county, LocalDate birthDate, boolean male, Random random) {
        int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
        String body = county + birthDate.toString().replace("-", "") + String.format("%03d", sequence);
        return body + IdentityNumbers.checkCharacter(body);
    }
}
