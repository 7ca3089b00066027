package cn.canbao.hub.bench;

import cn.canbao.hub.standard.IdNumberCheck;
import cn.canbao.hub.standard.IdentityNumbers;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Identity-number validation per number, on a batch mixed as a province file is (mostly valid, some legacy
 * 15-digit numbers, lowercase x, wrong check characters, impossible dates, malformed values), against two
 * baselines in the same run: computing only the ISO 7064 checksum, the least any validation must do, and only
 * allocating the result a valid number gets (the record and its LocalDate), the least any check returning it costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class IdentityNumberBenchmark {

    static final int BATCH = 1024;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String[] ADDRESS_CODES = {
            "630102", "630103", "630104", "630105", "630106", "630121", "630122", "630123", "630202", "632121",
            "632221", "632321", "632521", "632621", "632701", "632801", "110105", "510104", "620102", "640104"};

    private final IdentityNumbers identityNumbers = IdentityNumbers.standard();
    private String[] mixed;
    private String[] valid;

    @Setup
    public void generate() {
        Random random = new Random(20171015L);
        mixed = new String[BATCH];
        valid = new String[BATCH];
        for (int i = 0; i < BATCH; i++) {
            valid[i] = validNumber(random);
            mixed[i] = mixedCase(random, valid[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void checkMixedBatch(Blackhole blackhole) {
        for (String number : mixed) {
            blackhole.consume(identityNumbers.check(number));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void checkValidBatch(Blackhole blackhole) {
        for (String number : valid) {
            blackhole.consume(identityNumbers.check(number));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineChecksumOnlyMixedBatch(Blackhole blackhole) {
        for (String number : mixed) {
            blackhole.consume(checksumMatches(number));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineResultAllocationOnlyValidBatch(Blackhole blackhole) {
        for (int i = 0; i < BATCH; i++) {
            blackhole.consume(new IdNumberCheck(valid[i], false, LocalDate.of(1980, 1 + (i & 7), 1 + (i & 15)), "1", null, null));
        }
    }

    private static boolean checksumMatches(String number) {
        if (number.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return number.charAt(17) == CHECK_CHARACTERS[Math.floorMod(sum, 11)];
    }

    private static String validNumber(Random random) {
        LocalDate birth = LocalDate.ofEpochDay(LocalDate.of(1930, 1, 1).toEpochDay() + random.nextInt(32_000));
        String first17 = ADDRESS_CODES[random.nextInt(ADDRESS_CODES.length)]
                + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), random.nextInt(1000));
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    /** About 70 % valid as given; the rest spread over the ways numbers arrive wrong or in another form. */
    private static String mixedCase(Random random, String valid) {
        int dice = random.nextInt(100);
        if (dice < 70) {
            return valid;
        }
        if (dice < 75) {
            return valid.substring(0, 17) + (valid.charAt(17) == 'X' ? "x" : valid.charAt(17));
        }
        if (dice < 80) {
            return valid.substring(0, 6) + valid.substring(8, 17);
        }
        if (dice < 88) {
            char wrong = CHECK_CHARACTERS[(indexOfCheckCharacter(valid.charAt(17)) + 1 + random.nextInt(10)) % 11];
            return valid.substring(0, 17) + wrong;
        }
        if (dice < 92) {
            String first17 = valid.substring(0, 10) + "0230" + valid.substring(14, 17);
            return first17 + IdentityNumbers.checkCharacter(first17);
        }
        if (dice < 96) {
            String first17 = "99" + valid.substring(2, 17);
            return first17 + IdentityNumbers.checkCharacter(first17);
        }
        return valid.substring(0, 9) + "O" + valid.substring(10);
    }

    private static int indexOfCheckCharacter(char c) {
        for (int i = 0; i < CHECK_CHARACTERS.length; i++) {
            if (CHECK_CHARACTERS[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.valueOf(c));
    }
}
