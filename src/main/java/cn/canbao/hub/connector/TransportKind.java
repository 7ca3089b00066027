package cn.canbao.hub.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How a connector's records arrive; each kind is one route template under routes/templates/. */
public enum TransportKind {
    SFTP_BATCH_IN("sftp-batch-in", "file-in"),
    JMS_EVENTS_IN("jms-events-in", "events-in"),
    SQL_POLL_IN("sql-poll-in", "db-in");

    private final String template;
    private final String routeSuffix;

    TransportKind(String template, String routeSuffix) {
        this.template = template;
        this.routeSuffix = routeSuffix;
    }

    /** The route template id this transport instantiates. */
    public String template() {
        return template;
    }

    /** The route id of a system's route of this kind, e.g. {@code pension-file-in}. */
    public String routeId(String system) {
        return system.toLowerCase(Locale.ROOT) + "-" + routeSuffix;
    }

    @JsonCreator
    public static TransportKind fromDescriptor(String name) {
        for (TransportKind kind : values()) {
            if (kind.template.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown transport kind " + name);
    }
}
