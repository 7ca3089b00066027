package cn.canbao.hub.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Times one file through a batch intake route, from the exchange the SFTP consumer creates for it (the file listed,
 * its done file seen) to the exchange's completion (records stored, receipt written, both files moved): wall clock
 * and CPU time of the whole JVM, so that the exchange server's encryption and every thread of the hub count too.
 * The idle wait for the next poll (2 s by default) is left out.
 */
@Component
public class RouteTiming extends EventNotifierSupport implements CamelContextConfiguration {

    /** One file's figures. */
    record Measured(long wallNanos, long cpuNanos, boolean failed) {
    }

    private volatile String routeId;
    private volatile CountDownLatch done;
    private volatile long wallStart;
    private volatile long cpuStart;
    private volatile Measured last;

    RouteTiming() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getManagementStrategy().addEventNotifier(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }

    /** Arms the timing for the next exchange of {@code route}. */
    void expect(String route) {
        routeId = route;
        last = null;
        done = new CountDownLatch(1);
    }

    Measured await(long timeout, TimeUnit unit) throws InterruptedException {
        if (!done.await(timeout, unit)) {
            throw new IllegalStateException("route " + routeId + " did not take the file within " + timeout + " " + unit);
        }
        return last;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeEvent exchangeEvent && routeId != null
                && routeId.equals(exchangeEvent.getExchange().getFromRouteId());
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeCreatedEvent) {
            cpuStart = processCpuNanos();
            wallStart = System.nanoTime();
        } else if (event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent) {
            long wall = System.nanoTime() - wallStart;
            long cpu = processCpuNanos() - cpuStart;
            boolean failed = event instanceof ExchangeFailedEvent || ((ExchangeEvent) event).getExchange().isFailed();
            last = new Measured(wall, cpu, failed);
            done.countDown();
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
