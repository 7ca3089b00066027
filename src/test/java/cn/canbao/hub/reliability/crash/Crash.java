package cn.canbao.hub.reliability.crash;

import java.time.Duration;
import java.util.SplittableRandom;

/** The fault a trial injects: its kind, and when it lands after the partners start sending. */
record Crash(CrashKind kind, Duration moment) {

    /**
     * Trial i's crash: its kind alternates, its moment is drawn from the trial's own seed within the window
     * (SplittableRandom mixes the seed: java.util.Random's first draws of seeds 1 apart lie next to each other).
     */
    static Crash ofTrial(int trial, HarnessSettings settings) {
        long moment = new SplittableRandom(settings.trialSeed(trial)).nextLong(settings.window().toMillis());
        return new Crash(CrashKind.ofTrial(trial), Duration.ofMillis(moment));
    }
}
