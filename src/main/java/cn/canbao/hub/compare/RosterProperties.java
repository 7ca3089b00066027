package cn.canbao.hub.compare;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code canbao.roster.*}: where rosters are prepared and which county receives the persons of a county code
 * that no longer exists (the 2017 codes the population data may still carry, e.g. 630122 湟中县 → 630106 湟中区).
 *
 * @param workDir            local folder where a roster is written before it is uploaded
 * @param countySuccessors   former county code → the county agency that now serves it
 * @param writers            county files read and written at once (2 is the fastest on 2 cores:
 *                           docs/performance.md, "Comparison")
 */
@ConfigurationProperties("canbao.roster")
public record RosterProperties(Path workDir, Map<String, String> countySuccessors, @DefaultValue("2") int writers) {

    private static final Pattern COUNTY = Pattern.compile("\\d{6}");

    public RosterProperties {
        if (workDir == null) {
            throw new IllegalArgumentException("canbao.roster.work-dir is required");
        }
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("canbao.roster.writers must be 1..16, was " + writers);
        }
        countySuccessors = countySuccessors == null ? Map.of() : Map.copyOf(countySuccessors);
        countySuccessors.forEach((from, to) -> {
            if (!COUNTY.matcher(from).matches() || !COUNTY.matcher(to).matches()) {
                throw new IllegalArgumentException("canbao.roster.county-successors must map 6-digit county codes, "
                        + "was " + from + " → " + to);
            }
        });
    }
}
