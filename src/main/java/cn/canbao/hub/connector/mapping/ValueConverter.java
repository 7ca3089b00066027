package cn.canbao.hub.connector.mapping;

import cn.canbao.hub.standard.Check;

/** Turns one non-empty, trimmed source value into its canonical value, or says what is wrong with it. */
@FunctionalInterface
interface ValueConverter {

    Check<?> convert(String value, MessageDraft draft);
}
