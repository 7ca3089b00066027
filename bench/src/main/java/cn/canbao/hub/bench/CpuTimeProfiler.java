package cn.canbao.hub.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per CPU-second of the benchmark JVM (benchmark thread, GC and compiler threads together). The
 * build machine is shared, so wall-clock throughput depends on what else runs; the CPU time the benchmark
 * itself used does much less, and is what "per core" means. Use with {@code -prof cn.canbao.hub.bench.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuNanosAtStart;

    @Override
    public String getDescription() {
        return "operations per CPU-second of the benchmark JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuNanosAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        double cpuSeconds = (os.getProcessCpuTime() - cpuNanosAtStart) / 1e9;
        double opsPerCpuSecond = result.getMetadata().getAllOps() / cpuSeconds;
        return List.of(new ScalarResult("ops.per.cpu.second", opsPerCpuSecond, "ops/cpu-s", AggregationPolicy.AVG));
    }
}
