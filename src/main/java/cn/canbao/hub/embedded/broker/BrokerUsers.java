package cn.canbao.hub.embedded.broker;

import cn.canbao.hub.exchange.ExchangeLayout;
import cn.canbao.hub.exchange.SecretFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The broker's users and passwords, one {@code secrets/broker/<account>.properties} file each
 * ({@code user=…}, {@code password=…}), generated on first start and read from then on, so a partner's
 * password stays what it was given. {@link #toString()} never shows a password.
 */
public final class BrokerUsers {

    private final Map<String, String> passwords;
    private final int generated;

    private BrokerUsers(Map<String, String> passwords, int generated) {
        this.passwords = Map.copyOf(passwords);
        this.generated = generated;
    }

    /** Reads the credentials of every account, generating the missing ones. */
    public static BrokerUsers generateMissing(ExchangeLayout layout, List<String> accounts) throws IOException {
        SecretFiles.createOwnerOnlyDirectory(layout.brokerSecrets());
        Map<String, String> passwords = new LinkedHashMap<>();
        int generated = 0;
        for (String account : accounts) {
            Path file = layout.brokerCredentials(account);
            if (Files.notExists(file)) {
                String content = "user=" + account + "\npassword=" + SecretFiles.randomPassword() + "\n";
                SecretFiles.writeOwnerOnly(file, content.getBytes(StandardCharsets.US_ASCII));
                generated++;
            }
            passwords.put(account, readPassword(file, account));
        }
        return new BrokerUsers(passwords, generated);
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No broker user '" + user + "'");
        }
        return password;
    }

    public Map<String, String> passwordsByUser() {
        return passwords;
    }

    /** How many users got a new password on this start. */
    public int generated() {
        return generated;
    }

    @Override
    public String toString() {
        return "BrokerUsers" + passwords.keySet();
    }

    private static String readPassword(Path file, String account) throws IOException {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            credentials.load(reader);
        }
        if (!account.equals(credentials.getProperty("user"))) {
            throw new IllegalStateException(file + ": user must be '" + account + "'");
        }
        String password = credentials.getProperty("password", "");
        if (password.isBlank()) {
            throw new IllegalStateException(file + ": password is missing");
        }
        return password;
    }
}
