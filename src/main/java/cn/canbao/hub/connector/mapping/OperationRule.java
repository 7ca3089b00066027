package cn.canbao.hub.connector.mapping;

import java.util.Map;

/**
 * Where a record's operation comes from: a source field whose values map to ADD/UPDATE/DELETE (POLICE
 * {@code @op}, CIVIL {@code op}); without it a full file is a SNAPSHOT and an increment an UPDATE.
 */
public record OperationRule(String from, Map<String, String> map) {
}
