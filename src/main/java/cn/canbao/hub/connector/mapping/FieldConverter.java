package cn.canbao.hub.connector.mapping;

import cn.canbao.hub.standard.Check;

/**
 * A field conversion that needs real logic, named by a descriptor's {@code bean:} (docs/connectors.md, "Field
 * rules"): a Spring bean of this type, looked up by its bean name when the descriptor is loaded. It runs before the
 * field's {@code type}, whose conversion and checks still apply to what it returns. The exception, not the rule: a
 * renaming, a date pattern or a code translation is said in the descriptor.
 */
@FunctionalInterface
public interface FieldConverter {

    /**
     * The value as the field's type expects it, or what is wrong with it (the record is then rejected with that
     * code). Should it throw, the record is rejected as HUB_FAULT like any failure of the hub's.
     *
     * @param value the source value, not empty, trimmed
     */
    Check<String> convert(String value);
}
