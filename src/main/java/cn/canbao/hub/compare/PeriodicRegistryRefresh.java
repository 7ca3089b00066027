package cn.canbao.hub.compare;

import cn.canbao.hub.registry.RegistryRefresh;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The registry refresh between comparison runs (route registry-refresh, every canbao.registry.refresh-interval-ms),
 * so the merged person view is minutes old rather than a night. It skips its turn while a run is under way: the run
 * refreshes first itself, and all its statements must read the same registry, so both take the run lock.
 */
@Component("periodicRegistryRefresh")
public class PeriodicRegistryRefresh {

    private final DataSource dataSource;
    private final RegistryRefresh refresh;

    public PeriodicRegistryRefresh(DataSource dataSource, RegistryRefresh refresh) {
        this.dataSource = dataSource;
        this.refresh = refresh;
    }

    /** Merges what arrived since the last refresh; empty when a comparison run holds the lock. */
    public Optional<RegistryRefresh.Result> refreshUnlessARunIsUnderWay() {
        RunLock lock;
        try {
            lock = RunLock.acquire(dataSource);
        } catch (RunInProgressException e) {
            return Optional.empty();
        }
        try (lock) {
            return Optional.of(refresh.refresh());
        }
    }
}
