package dev.hato.sms.ops;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a shutdown does: readiness goes DOWN while the server still serves, then the service
 * waits {@code sms.shutdown.drain-period}, long enough for a load balancer's health checks to take it
 * out of rotation. Only then does the web server stop accepting and finish what it has (graceful
 * shutdown), and after that the dispatcher stops: no request is refused by an instance the load
 * balancer still sends to.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationContext context;
    private final Duration drainPeriod;
    private volatile boolean running;
    private volatile boolean stoppedBefore;

    ShutdownDrain(ApplicationContext context, @Value("${sms.shutdown.drain-period:0s}") Duration drainPeriod) {
        this.context = context;
        this.drainPeriod = drainPeriod;
    }

    @Override
    public void start() {
        if (stoppedBefore) {
            // Started again in the same process (a context stopped and started, as Spring's test context
            // cache pauses idle contexts): ready again, as the first start made it.
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stoppedBefore = true;
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        if (!drainPeriod.isZero()) {
            log.info("Readiness is DOWN; draining for {} before the web server stops", drainPeriod);
            try {
                Thread.sleep(drainPeriod.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Above the web server's graceful shutdown (DEFAULT_PHASE - 1024), so it stops first. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
