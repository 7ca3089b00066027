package cn.canbao.hub.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ends process trees the way a power cut does: every process and its descendants at once with SIGKILL, none gets to
 * clean up. Returns when all of them are gone.
 */
public final class PowerCut {

    private PowerCut() {
    }

    public static void of(ProcessHandle... roots) {
        // the descendants are listed before anything dies: a dead parent's children are adopted by init
        List<ProcessHandle> all = Stream.of(roots)
                .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .toList();
        all.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
    }
}
