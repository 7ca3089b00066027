package cn.canbao.hub.bench;

import cn.canbao.hub.standard.Names;
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
 * Name normalisation per name, on a batch mixed as the sources send names (mostly plain Han names, minority
 * names with assorted separators, full-width letters, stray blanks), against String.strip as a baseline.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class NameNormalisationBenchmark {

    static final int BATCH = 1024;

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴马韩祁朱胡郭何高林罗";
    private static final String GIVEN = "建国华英明秀兰芳军伟强丽静敏杰涛平刚桂梅海燕才让卓玛措吉";
    private static final String[] MINORITY_NAMES = {"阿卜杜拉", "买买提", "卓玛", "才让", "扎西", "多吉", "古丽", "艾力"};
    private static final String[] SEPARATORS = {"·", "•", "．", ".", "・", "‧", " · "};

    private String[] mixed;
    private String[] plainHan;

    @Setup
    public void generate() {
        Random random = new Random(20171015L);
        mixed = new String[BATCH];
        plainHan = new String[BATCH];
        for (int i = 0; i < BATCH; i++) {
            plainHan[i] = hanName(random);
            mixed[i] = mixedCase(random, plainHan[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void normaliseMixedBatch(Blackhole blackhole) {
        for (String name : mixed) {
            blackhole.consume(Names.normalise(name));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void normalisePlainHanBatch(Blackhole blackhole) {
        for (String name : plainHan) {
            blackhole.consume(Names.normalise(name));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineStripMixedBatch(Blackhole blackhole) {
        for (String name : mixed) {
            blackhole.consume(name.strip());
        }
    }

    private static String hanName(Random random) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int givenLength = 1 + random.nextInt(2);
        for (int i = 0; i < givenLength; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** About 75 % plain Han names; the rest minority names, full-width letters and stray blanks. */
    private static String mixedCase(Random random, String hanName) {
        int dice = random.nextInt(100);
        if (dice < 75) {
            return hanName;
        }
        if (dice < 88) {
            return MINORITY_NAMES[random.nextInt(MINORITY_NAMES.length)]
                    + SEPARATORS[random.nextInt(SEPARATORS.length)]
                    + MINORITY_NAMES[random.nextInt(MINORITY_NAMES.length)];
        }
        if (dice < 92) {
            return "ＺＨＡＮＧ　Ｓａｎ";
        }
        return "\u3000" + hanName + "  ";
    }
}
