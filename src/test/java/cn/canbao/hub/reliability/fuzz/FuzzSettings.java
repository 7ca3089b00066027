package cn.canbao.hub.reliability.fuzz;

/** The fuzz run's size and seed: system properties, so the long run (scripts/fuzz.sh) uses the same tests. */
final class FuzzSettings {

    /** The seed of every committed figure in docs/reliability.md. */
    static final long DEFAULT_SEED = 20171015L;

    private FuzzSettings() {
    }
}
