package cn.canbao.hub.connector.mapping;

import java.util.Map;

/**
 * One canonical field of a connector descriptor: where its value comes from (a source field or a constant)
 * and how it is converted and checked.
 *
 * @param from      the source field name (header name, indicator code, XML element, JSON key)
 * @param constant  a fixed canonical value instead of a source field (e.g. scheme 210 for UNEMPLOYMENT)
 * @param bean      the name of a {@link FieldConverter} bean applied before the type's conversion
 * @param type      conversion; TEXT when absent
 * @param table     the code table a CODE value must belong to
 * @param map       source values translated before the code-table check (e.g. 男 → 1, 正常参保 → 1)
 * @param pattern   the date or month pattern of DATE and MONTH fields
 * @param required  an empty value rejects the record (FIELD_MISSING)
 * @param maxLength a longer value rejects the record (FIELD_TOO_LONG)
 */
public record FieldRule(String from, String constant, String bean, FieldType type, String table, Map<String, String> map,
                        String pattern, Boolean required, Integer maxLength) {

    public FieldType typeOrText() {
        return type == null ? FieldType.TEXT : type;
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }
}
