package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.connector.TransportSpec;
import cn.canbao.hub.exchange.Queues;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instantiates the transport templates of routes/templates/ once per connector descriptor, so adding a
 * system is adding a descriptor. Runs after the YAML routes and templates are loaded.
 */
public class ConnectorRoutes implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRoutes.class);

    private final ConnectorCatalog catalog;

    public ConnectorRoutes(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the templates are not loaded yet
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (Connector connector : catalog.all()) {
            for (TransportSpec transport : connector.descriptor().transports()) {
                String routeId = add(camelContext, connector.system(), transport);
                log.info("Connector {}: route {} from {}", connector.system(), routeId, connector.sourceFile());
            }
        }
    }

    private static String add(CamelContext camelContext, String system, TransportSpec transport) {
        TransportKind kind = transport.kind();
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camelContext, kind.template())
                .routeId(kind.routeId(system))
                .parameter("system", system);
        if (transport.pollDelay() != null) {
            route.parameter("delay", transport.pollDelay().toString());
        }
        switch (kind) {
            case SFTP_BATCH_IN -> route.parameter("account", transport.account())
                    .parameter("extension", transport.extension());
            case JMS_EVENTS_IN -> route.parameter("queue", transport.eventsQueue(system))
                    .parameter("receipts", Queues.receipts(system));
            case SQL_POLL_IN -> route.parameter("table", transport.table());
        }
        return route.add();
    }
}
