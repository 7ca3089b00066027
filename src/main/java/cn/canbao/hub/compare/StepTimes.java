package cn.canbao.hub.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Milliseconds per finished step of a run: what a stored run shows as its {@code steps}. */
final class StepTimes {

    private final Map<String, Long> millisOfStep = new LinkedHashMap<>();

    /** Does the work and notes, when it did not fail, how long it took under the step's name. */
    <T> T time(String step, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        millisOfStep.put(step, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    void time(String step, Runnable work) {
        time(step, () -> {
            work.run();
            return null;
        });
    }

    void addAll(StepTimes other) {
        millisOfStep.putAll(other.millisOfStep);
    }

    Map<String, Long> asMap() {
        return Map.copyOf(millisOfStep);
    }
}
