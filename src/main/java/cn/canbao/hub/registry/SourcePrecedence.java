package cn.canbao.hub.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which source's word counts for a person's identity fields (name, sex, ethnicity, birth date):
 * {@code canbao.registry.identity-precedence}, first rank first (docs/registry.md, "Precedence"). A source system
 * without a rank stops the hub at start: silently ranking it last would let it decide a name nobody chose it for.
 */
@Component
public final class SourcePrecedence {

    static final String PROPERTY = "canbao.registry.identity-precedence";

    private final List<String> systems;

    @Autowired
    public SourcePrecedence(Environment environment) {
        this(Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class))
                .orElseThrow(() -> new IllegalStateException(PROPERTY + " is not set: list the source systems, the "
                        + "one whose word counts most for a person's identity fields first")));
    }

    SourcePrecedence(List<String> systems) {
        Set<String> seen = new HashSet<>();
        for (String system : systems) {
            if (!seen.add(system)) {
                throw new IllegalStateException(PROPERTY + " ranks " + system + " twice");
            }
        }
        this.systems = List.copyOf(systems);
    }

    /**
     * Stops the hub when a source system has no rank.
     *
     * @param system    the source system
     * @param definedIn where the system comes from, for the message (e.g. its connector descriptor)
     */
    public void requireRanked(String system, String definedIn) {
        if (!systems.contains(system)) {
            throw new IllegalStateException("source system " + system + " (" + definedIn + ") has no rank in "
                    + PROPERTY + " " + systems + ": add it where its word should count for a person's name, sex, "
                    + "ethnicity and birth date");
        }
    }

    /** The list as one SQL parameter, read with {@code string_to_array(:precedence, ',')}. */
    String asSqlList() {
        return String.join(",", systems);
    }
}
