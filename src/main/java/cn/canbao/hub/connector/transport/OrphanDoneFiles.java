package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.exchange.ExchangeServerClient;
import cn.canbao.hub.exchange.ExchangeServerClient.ExchangeSession;
import cn.canbao.hub.registry.IntakeStore;
import java.io.IOException;
import java.util.List;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finishes answers a crash cut short between the two moves of a file (data file first, then its done file, decision
 * 0002): a done file left alone in {@code in/} whose data file was answered is moved after it, and the answer marked
 * delivered. The consumer takes only data files, so without this such a done file would stay there for good. A done
 * file whose data file the hub never answered is left alone: its partner may be about to send the data file.
 */
@Component
public class OrphanDoneFiles {

    private static final Logger log = LoggerFactory.getLogger(OrphanDoneFiles.class);
    private static final String DONE_SUFFIX = ".ok";

    private final ConnectorCatalog catalog;
    private final ExchangeServerClient exchange;
    private final IntakeStore writer;

    public OrphanDoneFiles(ConnectorCatalog catalog, ExchangeServerClient exchange, IntakeStore writer) {
        this.catalog = catalog;
        this.exchange = exchange;
        this.writer = writer;
    }

    @Handler
    public void moveAfterTheirDataFiles() throws IOException {
        List<Connector> fileSources = catalog.withTransport(TransportKind.SFTP_BATCH_IN);
        try (ExchangeSession session = exchange.open()) {
            for (Connector connector : fileSources) {
                String inbox = connector.descriptor().transport(TransportKind.SFTP_BATCH_IN).orElseThrow().account()
                        + "/in";
                List<String> files = session.files(inbox);
                for (String name : files) {
                    String dataFile = name.substring(0, name.length() - DONE_SUFFIX.length());
                    if (name.endsWith(DONE_SUFFIX) && !files.contains(dataFile)) {
                        moveIfAnswered(session, connector.system(), inbox, dataFile);
                    }
                }
            }
        }
    }

    private void moveIfAnswered(ExchangeSession session, String system, String inbox, String dataFile)
            throws IOException {
        var answer = writer.undelivered(system, dataFile);
        if (answer.isPresent()) {
            session.move(inbox + "/" + dataFile + DONE_SUFFIX, inbox + "/" + answer.get().disposition());
            writer.markDelivered(answer.get().id());
            log.info("{}{} of {}: moved after its data file, which was answered before the hub stopped", dataFile,
                    DONE_SUFFIX, system);
        }
    }
}
