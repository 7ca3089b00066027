package cn.canbao.hub.connector;

import cn.canbao.hub.connector.mapping.FieldConverter;
import cn.canbao.hub.connector.mapping.Standards;
import cn.canbao.hub.connector.transport.ConnectorRoutes;
import cn.canbao.hub.connector.transport.EventIntake;
import cn.canbao.hub.connector.transport.EventListenerContainerFactory;
import cn.canbao.hub.connector.transport.FileLoader;
import cn.canbao.hub.connector.transport.FileIntake;
import cn.canbao.hub.connector.transport.FileRetryFilter;
import cn.canbao.hub.connector.transport.FrontDbIntake;
import cn.canbao.hub.connector.transport.IntakeBackoff;
import cn.canbao.hub.exchange.ExchangeServerClient;
import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.registry.DeliveryAttempts;
import cn.canbao.hub.registry.EventWriter;
import cn.canbao.hub.registry.IntakeStore;
import cn.canbao.hub.registry.SourcePrecedence;
import cn.canbao.hub.standard.CodeTables;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.RegionCodes;
import cn.canbao.hub.standard.Regions;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the connectors: standards, the descriptor catalog, the intake beans and the templated routes. */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

    @Bean
    Clock clock(@Value("${canbao.time-zone}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** @param regionPrefix the province whose region codes are checked against its own division lists */
    @Bean
    Standards standards(Clock clock, @Value("${canbao.region-prefix}") String regionPrefix) {
        return new Standards(new IdentityNumbers(clock), new RegionCodes(Regions.standard(), regionPrefix),
                CodeTables.standard());
    }

    @Bean
    ObjectMapper canonicalJson() {
        return CanonicalJson.mapper();
    }

    @Bean
    ConnectorCatalog connectorCatalog(@Value("${canbao.connectors.dir}") Path directory, Standards standards,
                                      ListableBeanFactory beans, SourcePrecedence precedence) {
        ConnectorCatalog catalog = ConnectorCatalog.load(directory, standards,
                beans.getBeansOfType(FieldConverter.class));
        catalog.all().forEach(connector -> precedence.requireRanked(connector.system(), connector.sourceFile()));
        return catalog;
    }

    @Bean
    FileLoader fileLoader(IntakeStore writer, ObjectMapper json,
                                @Value("${canbao.intake.receipt-cap}") int receiptCap) {
        return new FileLoader(writer, json, receiptCap);
    }

    @Bean
    FileIntake fileIntake(ConnectorCatalog catalog, IntakeStore writer, ExchangeServerClient exchange,
                          FileLoader ingestion, Standards standards, DeliveryAttempts attempts, IntakeBackoff backoff,
                          FileRetryFilter retryFilter, @Value("${canbao.intake.attempts}") int attemptLimit,
                          ObjectMapper json, Clock clock) {
        return new FileIntake(catalog, writer, exchange, ingestion, standards.regionCodes(), attempts,
                new FileIntake.Retries(attemptLimit, backoff, retryFilter), json, clock);
    }

    @Bean
    EventIntake eventIntake(ConnectorCatalog catalog, EventWriter writer, Standards standards, IntakeBackoff backoff,
                            @Value("${canbao.intake.attempts}") int attemptLimit, ObjectMapper json,
                            MeterRegistry meters, Clock clock) {
        return new EventIntake(catalog, writer, standards.codeTables().table("eventType"), backoff, attemptLimit, json,
                meters, clock);
    }

    @Bean
    EventListenerContainerFactory eventListenerContainerFactory(IntakeBackoff backoff) {
        return new EventListenerContainerFactory(backoff);
    }

    @Bean
    FrontDbIntake frontDbIntake(ConnectorCatalog catalog, IntakeStore writer, DeliveryAttempts attempts,
                                IntakeBackoff backoff, @Value("${canbao.intake.attempts}") int attemptLimit,
                                ObjectMapper json, Clock clock) {
        return new FrontDbIntake(catalog, writer, attempts, backoff, attemptLimit, json, clock);
    }

    @Bean
    ConnectorRoutes connectorRoutes(ConnectorCatalog catalog) {
        return new ConnectorRoutes(catalog);
    }
}
