package cn.canbao.hub.reliability.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap used after a full collection, as far as the JVM lets a program ask for one. */
final class Heap {

    private static final long MB = 1024 * 1024;

    record Usage(long beforeMb, long afterMb, long maxMb) {
        String describe() {
            return beforeMb + " MB before, " + afterMb + " MB after (max heap " + maxMb + " MB)";
        }
    }

    private Heap() {
    }

    static long usedAfterGcMb() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed() / MB;
    }

    static long maxMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MB;
    }
}
