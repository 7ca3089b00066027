package cn.canbao.hub.connector.mapping;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The {@code mapping:} section of a connector descriptor.
 *
 * @param sourceKey the canonical fields that identify one record of this source for one person, beside the
 *                  identity number (e.g. scheme and insured region for a scheme system); none for a source
 *                  that holds one record per person
 * @param operation where the operation comes from, if the source states it per record
 * @param fields    canonical target path → rule, e.g. {@code person.idNumber}
 */
public record MappingSpec(List<String> sourceKey, OperationRule operation, LinkedHashMap<String, FieldRule> fields) {

    public MappingSpec {
        sourceKey = sourceKey == null ? List.of() : List.copyOf(sourceKey);
        fields = fields == null ? new LinkedHashMap<>() : fields;
    }
}
