package cn.canbao.hub.embedded.broker;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.utils.XMLUtil;
import org.w3c.dom.Element;

/**
 * What the hub needs of its broker, whichever runs it (docs/broker.md): redelivery, dead-letter queues, duplicate
 * detection, delivery counts kept across restarts, free disk. One file in broker.xml's own elements
 * ({@code config/broker/canbao-broker.xml}): an operator copies them into the {@code <core>} of the province's
 * Artemis, and the embedded broker reads them here, so the two behave alike and a change is made once.
 */
public final class BrokerSettingsFile {

    private static final String SCHEMA = "schema/artemis-configuration.xsd";

    private BrokerSettingsFile() {
    }

    /** Adds the file's settings to the configuration; an element Artemis does not know stops the hub, naming it. */
    public static void applyTo(Path file, Configuration configuration) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Element core = XMLUtil.readerToElement(reader);
            XMLUtil.validate(core, SCHEMA);
            new FileConfigurationParser().parseMainConfig(core, configuration);
        } catch (Exception e) {
            throw new IllegalStateException("canbao.broker.settings " + file.toAbsolutePath() + ": " + reason(e), e);
        }
    }

    /** The innermost reason, without the schema's list of every element it would have taken instead. */
    private static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String message = String.valueOf(innermost.getMessage());
        int alternatives = message.indexOf(" One of ");
        return alternatives < 0 ? message : message.substring(0, alternatives);
    }
}
