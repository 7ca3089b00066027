package cn.canbao.hub.reliability.crash;

/** The two faults every harness run injects, alternating from trial to trial. */
enum CrashKind {

    /** {@code kill -9} of the hub's JVM alone: the embedded PostgreSQL it started survives it. */
    JVM("kill -9 JVM"),

    /** {@code kill -9} of the JVM and its embedded PostgreSQL together, as a power cut ends them. */
    JVM_AND_POSTGRES("kill -9 JVM + PostgreSQL");

    private final String label;

    CrashKind(String label) {
        this.label = label;
    }

    static CrashKind ofTrial(int trial) {
        return trial % 2 == 1 ? JVM : JVM_AND_POSTGRES;
    }

    String label() {
        return label;
    }
}
