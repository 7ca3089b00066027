package cn.canbao.hub.console;

import cn.canbao.hub.exchange.SecretFiles;
import cn.canbao.hub.registry.SqlStatements;
import cn.canbao.hub.standard.Region;
import cn.canbao.hub.standard.Regions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The survey teams' app clients and surveyors, each registered by an operator for its counties and townships
 * (docs/survey.md): the hub generates a client's secret, answers it once and keeps only its hash, made by the
 * API users' encoder (a generated secret needs no stretching: decision 0005). A disabled client stays listed, with
 * the results it posted, and authenticates no more.
 */
@Component
public class SurveyClients {

    /** A client as listed: never its secret. */
    public record Client(String clientId, List<String> regions, OffsetDateTime createdAt, String createdBy,
                         boolean disabled, OffsetDateTime disabledAt, String disabledBy) {
    }

    /** A client just registered, with its secret: the only time the hub shows it. */
    public record Registered(String clientId, List<String> regions, String secret, OffsetDateTime createdAt) {
    }

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final String REGISTER = SqlStatements.named("console/survey-client-register");
    private static final String LIST = SqlStatements.named("console/survey-clients");
    private static final String LOGIN = SqlStatements.named("console/survey-client-login");
    private static final String DISABLE = SqlStatements.named("console/survey-client-disable");

    private final NamedParameterJdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String provincePrefix;

    public SurveyClients(NamedParameterJdbcTemplate jdbc, PasswordEncoder encoder, Clock clock,
                         @Value("${canbao.region-prefix}") String provincePrefix) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.provincePrefix = provincePrefix;
    }

    /**
     * @throws ApiException.BadRequest naming the field, for a client id that is not 1–64 letters, digits, dots,
     *                                 hyphens or underscores, or a region that is not a county or township of the
     *                                 province
     * @throws ApiException.Conflict   for a client id registered before, or one of the hub's own API users
     */
    Registered register(String clientId, List<String> regions, String operator) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new ApiException.BadRequest("clientId: 1 to 64 letters, digits, '.', '-' or '_', beginning with a "
                    + "letter or digit");
        }
        if (ApiUsers.ROLE_OF_USER.containsKey(clientId)) {
            throw new ApiException.Conflict("clientId: '" + clientId + "' is one of the hub's own API users");
        }
        List<String> checked = checkedRegions(regions);
        String secret = SecretFiles.randomPassword();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted = jdbc.update(REGISTER, new MapSqlParameterSource("clientId", clientId)
                .addValue("secretHash", encoder.encode(secret)).addValue("regions", checked.toArray(String[]::new))
                .addValue("createdAt", Timestamp.from(now.toInstant())).addValue("createdBy", operator));
        if (inserted == 0) {
            throw new ApiException.Conflict("clientId: '" + clientId + "' is registered already (disabled or not); "
                    + "register a new client id for a new secret");
        }
        return new Registered(clientId, checked, secret, now);
    }

    public List<Client> list() {
        return jdbc.query(LIST, new MapSqlParameterSource("clientId", null), (rs, n) -> client(rs));
    }

    public Optional<Client> find(String clientId) {
        return jdbc.query(LIST, new MapSqlParameterSource("clientId", clientId), (rs, n) -> client(rs)).stream()
                .findFirst();
    }

    /** Disables a client for good; a client disabled before stays as it was. Empty for an unknown client. */
    Optional<Client> disable(String clientId, String operator) {
        jdbc.update(DISABLE, new MapSqlParameterSource("clientId", clientId)
                .addValue("disabledAt", Timestamp.from(clock.instant())).addValue("disabledBy", operator));
        return find(clientId);
    }

    /** What Spring Security checks a client's request against; empty for an unknown client id. */
    Optional<SurveyClientUser> login(String clientId) {
        return jdbc.query(LOGIN, new MapSqlParameterSource("clientId", clientId),
                (rs, n) -> new SurveyClientUser(clientId, rs.getString("secret_hash"), regions(rs),
                        !rs.getBoolean("disabled"))).stream().findFirst();
    }

    private List<String> checkedRegions(List<String> regions) {
        if (regions == null || regions.isEmpty()) {
            throw new ApiException.BadRequest("regions: at least one county (6 digits) or township (9 digits)");
        }
        for (String region : regions) {
            boolean countyOrTownship = region != null && region.startsWith(provincePrefix)
                    && Regions.standard().find(region).map(Region::level)
                    .filter(level -> level.equals("county") || level.equals("township")).isPresent();
            if (!countyOrTownship) {
                throw new ApiException.BadRequest("regions: '" + region + "' is not a county (6 digits) or township "
                        + "(9 digits) of the province");
            }
        }
        return regions.stream().distinct().sorted().toList();
    }

    private static Client client(ResultSet rs) throws SQLException {
        OffsetDateTime disabledAt = rs.getObject("disabled_at", OffsetDateTime.class);
        return new Client(rs.getString("client_id"), regions(rs), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), disabledAt != null, disabledAt, rs.getString("disabled_by"));
    }

    private static List<String> regions(ResultSet rs) throws SQLException {
        Array regions = rs.getArray("regions");
        return Arrays.asList((String[]) regions.getArray());
    }
}
