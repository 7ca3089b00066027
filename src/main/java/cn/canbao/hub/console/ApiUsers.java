package cn.canbao.hub.console;

import cn.canbao.hub.exchange.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The API's users and their one role each: {@code operator} runs the console and the comparison,
 * {@code surveyor} is the provincial survey app that reads rosters and posts results for the whole province (the
 * survey teams' own clients are registered by an operator for their regions: {@link SurveyClients}). A password
 * comes from the environment ({@code CANBAO_API_OPERATOR_PASSWORD}) or, when absent, is generated once into
 * {@code ${canbao.data-dir}/secrets/api/<user>.password} and kept.
 */
final class ApiUsers {

    private static final Logger log = LoggerFactory.getLogger(ApiUsers.class);

    record ApiUser(String name, String role, String password) {
    }

    static final Map<String, String> ROLE_OF_USER = Map.of("operator", "OPERATOR", "surveyor", "SURVEYOR");

    private ApiUsers() {
    }

    static List<ApiUser> load(Environment environment, Path dataDir) throws IOException {
        Path secrets = dataDir.resolve("secrets").resolve("api");
        return ROLE_OF_USER.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(user -> new ApiUser(user.getKey(), user.getValue(),
                        password(environment, secrets, user.getKey())))
                .toList();
    }

    private static String password(Environment environment, Path secrets, String user) {
        String fromEnvironment = environment.getProperty("CANBAO_API_" + user.toUpperCase(Locale.ROOT) + "_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Path file = secrets.resolve(user + ".password");
        try {
            if (!Files.exists(file)) {
                SecretFiles.createOwnerOnlyDirectory(secrets);
                SecretFiles.writeOwnerOnly(file, SecretFiles.randomPassword().getBytes(StandardCharsets.UTF_8));
                log.info("API user {}: password generated in {}", user, file.toAbsolutePath());
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the API password file " + file, e);
        }
    }
}
