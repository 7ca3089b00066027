package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.standard.IdentityNumbers;
import java.util.Random;

/**
 * Identity numbers for the workload's rows and survey results, drawn from the workload's random: valid GB 11643
 * numbers of region 630121 (clear of the fixtures' regions and of TestIds' 630102), or one with a wrong check
 * character.
 */
final class WorkloadIds {

    private WorkloadIds() {
    }

    static String valid(Random random) {
        String body = String.format("630121%04d%02d%02d%03d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return body + IdentityNumbers.checkCharacter(body);
    }

    static String withWrongCheckCharacter(Random random) {
        String valid = valid(random);
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        return valid.substring(0, 17) + wrong;
    }
}
