package cn.canbao.hub.connector;

import cn.canbao.hub.connector.mapping.RecordMapper;

/** A loaded, validated descriptor together with its compiled mapping. */
public record Connector(ConnectorDescriptor descriptor, RecordMapper mapper, String sourceFile) {

    public String system() {
        return descriptor.system();
    }
}
