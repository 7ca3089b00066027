package cn.canbao.hub.connector.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How a source value becomes a canonical value; the descriptor names it in camelCase. */
public enum FieldType {
    TEXT, ID_NUMBER, NAME, SEX, CODE, DATE, MONTH, REGION;

    @JsonCreator
    public static FieldType fromDescriptor(String name) {
        String upper = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return valueOf(upper);
    }
}
