package cn.canbao.hub.connector;

import cn.canbao.hub.connector.format.FormatSpec;
import cn.canbao.hub.connector.mapping.MappingSpec;
import java.util.List;
import java.util.Optional;

/** One {@code connectors/<system>.connector.yaml}: how an external system's records arrive and map. */
public record ConnectorDescriptor(String system, String description, List<TransportSpec> transports,
                                  FormatSpec format, MappingSpec mapping) {

    public ConnectorDescriptor {
        transports = transports == null ? List.of() : List.copyOf(transports);
    }

    public Optional<TransportSpec> transport(TransportKind kind) {
        return transports.stream().filter(t -> t.kind() == kind).findFirst();
    }
}
