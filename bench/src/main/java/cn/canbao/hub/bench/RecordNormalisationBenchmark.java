package cn.canbao.hub.bench;

import cn.canbao.hub.connector.mapping.MappingSpec;
import cn.canbao.hub.connector.mapping.RecordContext;
import cn.canbao.hub.connector.mapping.RecordMapper;
import cn.canbao.hub.connector.mapping.Standards;
import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.standard.CodeTables;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.Regions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Normalising a typical source record — a PENSION row of 14 fields, mapped by the shipped
 * {@code connectors/pension.connector.yaml} — into the canonical message, with every check the intake makes
 * (identity number, codes, region, dates, name), and then also into its canonical JSON. Baseline in the same
 * run: copying the 14 fields into a new map, the least any normalisation touches.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class RecordNormalisationBenchmark {

    static final int BATCH = 1024;
    private static final String[] REGIONS = {"630102", "630103", "630121", "630202", "632221", "632521"};
    private static final String[] NAMES = {"张伟", "李娜", "马海燕", "韩建国", "扎西·多杰", "卓玛．拉毛"};

    private RecordMapper mapper;
    private Map<String, String>[] records;
    private RecordContext context;

    @Setup
    @SuppressWarnings("unchecked")
    public void load() throws IOException {
        JsonNode descriptor = new YAMLMapper().readTree(new File(descriptorPath()));
        MappingSpec spec = CanonicalJson.mapper().treeToValue(descriptor.get("mapping"), MappingSpec.class);
        mapper = new RecordMapper("PENSION", spec,
                new Standards(IdentityNumbers.standard(), Regions.standard(), CodeTables.standard()), Map.of());
        context = RecordContext.ofFileRecord("0123456789abcdef:1", SourceReference.ofFile("PENSION_630000_20171015_001.txt", 1),
                OffsetDateTime.parse("2017-10-15T08:00:03+08:00"), Operation.UPDATE);
        Random random = new Random(20171015L);
        records = new Map[BATCH];
        for (int i = 0; i < BATCH; i++) {
            records[i] = pensionRow(random);
        }
    }

    private static String descriptorPath() {
        File inBench = new File("../connectors/pension.connector.yaml");
        return inBench.exists() ? inBench.getPath() : "connectors/pension.connector.yaml";
    }

    private static Map<String, String> pensionRow(Random random) {
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String birth = String.format("%04d%02d%02d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        int sequence = random.nextInt(1000);
        String body = region + birth + String.format("%03d", sequence);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("AAC002", body + IdentityNumbers.checkCharacter(body));
        row.put("AAC003", NAMES[random.nextInt(NAMES.length)]);
        row.put("AAC004", sequence % 2 == 1 ? "1" : "2");
        row.put("AAC005", "01");
        row.put("AAC006", birth);
        row.put("AAE140", random.nextBoolean() ? "110" : "170");
        row.put("AAB301", region);
        row.put("AAB001", "91630100MA7" + random.nextInt(100000));
        row.put("AAB004", "青海某某有限公司");
        row.put("AAC008", "1");
        row.put("AAC031", "1");
        row.put("AAE030", "20100501");
        row.put("AAE031", "");
        row.put("AAE042", "201709");
        return row;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void normalise(Blackhole blackhole) {
        for (Map<String, String> record : records) {
            blackhole.consume(mapper.map(record, context));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void normaliseToCanonicalJson(Blackhole blackhole) {
        for (Map<String, String> record : records) {
            blackhole.consume(CanonicalJson.write(mapper.map(record, context).message()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineCopyFields(Blackhole blackhole) {
        for (Map<String, String> record : records) {
            blackhole.consume(new LinkedHashMap<>(record));
        }
    }
}
