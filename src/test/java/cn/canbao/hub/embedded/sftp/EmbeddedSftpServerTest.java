package cn.canbao.hub.embedded.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.canbao.hub.exchange.ExchangeLayout;
import cn.canbao.hub.exchange.SftpAccount;
import cn.canbao.hub.exchange.SftpProperties;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.ChannelSftp.LsEntry;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSftpServerTest {

    private static final List<SftpAccount> ACCOUNTS = List.of(
            SftpAccount.hub(),
            SftpAccount.partner("pension", List.of("in", "receipt")),
            SftpAccount.partner("card", List.of("in", "receipt")),
            SftpAccount.partner("county-630102", List.of("roster", "receipt")));

    @TempDir
    Path dataDir;

    private ExchangeLayout layout;
    private EmbeddedSftpServer server;

    @BeforeEach
    void startServer() throws IOException {
        layout = new ExchangeLayout(dataDir);
        server = start(0, false);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop();
    }

    @Test
    void createsEveryHomeWithItsFolders() {
        Path root = layout.exchangeRoot();
        assertThat(root.resolve("pension/in")).isDirectory();
        assertThat(root.resolve("pension/receipt")).isDirectory();
        assertThat(root.resolve("county-630102/roster")).isDirectory();
        assertThat(root.resolve("county-630102/receipt")).isDirectory();
    }

    @Test
    void partnerLogsInWithItsGeneratedKeyAndWritesIntoItsHome() throws Exception {
        try (SftpTestClient client = clientOf("pension")) {
            ChannelSftp sftp = client.sftp();
            assertThat(names(sftp, "/")).containsExactlyInAnyOrder("in", "receipt");
            sftp.put(content("data"), "in/PENSION_630000_20171015_001.txt");
        }
        assertThat(layout.exchangeRoot().resolve("pension/in/PENSION_630000_20171015_001.txt")).hasContent("data");
    }

    @Test
    void showsAnUploadUnderItsNameOnlyOnceItIsWhole() throws Exception {
        Path doneFile = layout.exchangeRoot().resolve("pension/in/PENSION_630000_20171015_001.txt.ok");
        try (SftpTestClient client = clientOf("pension")) {
            try (OutputStream upload = client.sftp().put("in/PENSION_630000_20171015_001.txt.ok")) {
                upload.write("0f3a".getBytes(StandardCharsets.UTF_8));
                upload.flush();
                assertThat(doneFile).as("a done file still being written").doesNotExist();
                assertThat(names(client.sftp(), "in")).doesNotContain("PENSION_630000_20171015_001.txt.ok");
                upload.write("\nrecords=1\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(doneFile).hasContent("0f3a\nrecords=1\n");
        assertThat(doneFile.getParent()).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith("."));
    }

    @Test
    void takesUploadsOfTheOpenSshClientWithTheFilesPermissionsAndTimes() throws Exception {
        Path data = Files.writeString(dataDir.resolve("PENSION_630000_20171015_001.txt"), "data");
        Path done = Files.writeString(dataDir.resolve("PENSION_630000_20171015_001.txt.ok"), "0f3a\nrecords=1\n");
        Files.setLastModifiedTime(done, FileTime.from(Instant.parse("2017-10-15T08:00:00Z")));

        String transcript = openSshSftp("pension", "put " + data + " in/\nput -p " + done + " in/\n");

        Path in = layout.exchangeRoot().resolve("pension/in");
        assertThat(in.resolve("PENSION_630000_20171015_001.txt")).as(transcript).hasContent("data");
        assertThat(in.resolve("PENSION_630000_20171015_001.txt.ok")).hasContent("0f3a\nrecords=1\n");
        assertThat(Files.getLastModifiedTime(in.resolve("PENSION_630000_20171015_001.txt.ok")).toInstant())
                .isEqualTo("2017-10-15T08:00:00Z");
        assertThat(in).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith("."));
    }

    @Test
    void takesAnUploadWhoseNameIsAsLongAsTheFileSystemAllows() throws Exception {
        String longest = "PENSION_630000_20171015_001_" + "x".repeat(255 - 32) + ".txt";
        try (SftpTestClient client = clientOf("pension")) {
            client.sftp().put(content("data"), "in/" + longest);
        }
        assertThat(layout.exchangeRoot().resolve("pension/in").resolve(longest)).hasContent("data");
    }

    @Test
    void removesWhatAnUploadCutShortByTheHubsEndLeftBehindWhenItStartsAgain() throws IOException {
        Path cutShort = layout.exchangeRoot().resolve("pension/in/.PENSION_630000_20171015_001.txt.ok.uploading");
        Files.writeString(cutShort, "0f3a");
        server.stop();

        server = start(0, false);

        assertThat(cutShort).doesNotExist();
    }

    @Test
    void partnerCannotLeaveItsHome() throws Exception {
        try (SftpTestClient client = clientOf("pension")) {
            ChannelSftp sftp = client.sftp();
            sftp.cd("../..");
            assertThat(sftp.pwd()).isEqualTo("/");
            assertThat(names(sftp, "..")).containsExactlyInAnyOrder("in", "receipt");
            assertThatThrownBy(() -> sftp.ls("../card")).isInstanceOf(SftpException.class);
            assertThatThrownBy(() -> sftp.put(content("forged"), "../card/in/CARD_630000_20171015_001.csv"))
                    .isInstanceOf(SftpException.class);
            assertThatThrownBy(() -> sftp.get("../../secrets/sftp/hub")).isInstanceOf(SftpException.class);
        }
        try (Stream<Path> cardFiles = Files.list(layout.exchangeRoot().resolve("card/in"))) {
            assertThat(cardFiles).isEmpty();
        }
    }

    @Test
    void hubSeesEveryHomeAndWritesReceipts() throws Exception {
        try (SftpTestClient client = clientOf("hub")) {
            ChannelSftp sftp = client.sftp();
            assertThat(names(sftp, "/")).containsExactlyInAnyOrder("pension", "card", "county-630102");
            sftp.put(content("{}"), "/pension/receipt/PENSION_630000_20171015_001.txt.receipt.json");
        }
        assertThat(layout.exchangeRoot().resolve("pension/receipt/PENSION_630000_20171015_001.txt.receipt.json"))
                .hasContent("{}");
    }

    @Test
    void refusesAnotherAccountsKey() {
        assertThatThrownBy(() -> SftpTestClient.withKey("card", layout.sftpPrivateKey("pension"),
                layout.knownHosts(), server.port()))
                .isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");
    }

    @Test
    void refusesAKeyNobodyAuthorised() throws IOException {
        Path strangerKey = dataDir.resolve("stranger");
        SshKeyFiles.generateUnlessPresent(strangerKey, "stranger");

        assertThatThrownBy(() -> SftpTestClient.withKey("pension", strangerKey, layout.knownHosts(), server.port()))
                .isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");
    }

    @Test
    void refusesPasswordsByDefault() {
        assertThat(layout.sftpPassword("pension")).doesNotExist();
        assertThatThrownBy(() -> SftpTestClient.withPassword("pension", "pension", layout.knownHosts(), server.port()))
                .isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");
    }

    @Test
    void acceptsTheGeneratedPasswordWhenPasswordAuthIsOn() throws Exception {
        server.stop();
        server = start(0, true);
        String password = Files.readString(layout.sftpPassword("pension")).strip();

        try (SftpTestClient client = SftpTestClient.withPassword("pension", password, layout.knownHosts(), server.port())) {
            assertThat(names(client.sftp(), "/")).containsExactlyInAnyOrder("in", "receipt");
        }
        assertThatThrownBy(() -> SftpTestClient.withPassword("pension", password + "x", layout.knownHosts(), server.port()))
                .isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");
    }

    @Test
    void acceptsAKeyAnOperatorAddsToAuthorizedKeys() throws Exception {
        Path partnersOwnKey = dataDir.resolve("partners-own-key");
        KeyPair keyPair = SshKeyFiles.generateUnlessPresent(partnersOwnKey, "pension-vendor");
        Files.write(layout.sftpAuthorizedKeys("pension"),
                SshKeyFiles.publicKeyLine(keyPair.getPublic(), "pension-vendor"), StandardOpenOption.APPEND);

        try (SftpTestClient client = SftpTestClient.withKey("pension", partnersOwnKey, layout.knownHosts(), server.port())) {
            assertThat(names(client.sftp(), "/")).contains("in");
        }
        try (SftpTestClient client = clientOf("pension")) {
            assertThat(names(client.sftp(), "/")).contains("in");
        }
    }

    @Test
    void clientRejectsAServerWhoseHostKeyIsNotTheKnownOne() throws IOException {
        Path otherHostKey = dataDir.resolve("other_host_key");
        KeyPair other = SshKeyFiles.generateUnlessPresent(otherHostKey, "impostor");
        Path impostorKnownHosts = dataDir.resolve("impostor_known_hosts");
        Files.writeString(impostorKnownHosts,
                "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(other.getPublic()) + "\n");

        assertThatThrownBy(() -> SftpTestClient.withKey("pension", layout.sftpPrivateKey("pension"),
                impostorKnownHosts, server.port()))
                .isInstanceOf(JSchChangedHostKeyException.class);
    }

    @Test
    void knownHostsNamesTheServerAsClientsConnectToIt() throws IOException {
        assertThat(Files.readString(layout.knownHosts()))
                .matches("\\[127\\.0\\.0\\.1]:" + server.port() + " ecdsa-sha2-nistp256 [A-Za-z0-9+/=]+\n");
    }

    @Test
    void keepsHostKeyAndCredentialsAcrossRestarts() throws Exception {
        int port = server.port();
        String fingerprint = server.hostKeyFingerprint();
        Map<Path, byte[]> secrets = contents(layout.secrets());
        server.stop();

        server = start(port, false);

        assertThat(server.hostKeyFingerprint()).isEqualTo(fingerprint);
        assertThat(contents(layout.secrets())).containsOnlyKeys(secrets.keySet())
                .allSatisfy((file, bytes) -> assertThat(bytes).as(file.toString()).isEqualTo(secrets.get(file)));
        try (SftpTestClient client = clientOf("pension")) {
            assertThat(names(client.sftp(), "/")).contains("in");
        }
    }

    @Test
    void keepsSecretsReadableByTheOwnerOnly() throws IOException {
        assertThat(permissions(layout.sftpSecrets())).isEqualTo("rwx------");
        for (String account : List.of("hub", "pension", "county-630102")) {
            assertThat(permissions(layout.sftpPrivateKey(account))).isEqualTo("rw-------");
            assertThat(permissions(layout.sftpAuthorizedKeys(account))).isEqualTo("rw-------");
            assertThat(Files.readString(layout.sftpPrivateKey(account)))
                    .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        }
        assertThat(permissions(layout.hostKey())).isEqualTo("rw-------");
    }

    private EmbeddedSftpServer start(int port, boolean passwordAuth) throws IOException {
        EmbeddedSftpServer started = new EmbeddedSftpServer(
                new SftpProperties(true, "127.0.0.1", port, passwordAuth), layout, ACCOUNTS);
        started.start();
        return started;
    }

    /** A batch of commands given to OpenSSH's sftp, the client of most partners' scripts; its output, once it ended well. */
    private String openSshSftp(String account, String commands) throws IOException, InterruptedException {
        Process sftp = new ProcessBuilder("sftp", "-b", "-", "-P", String.valueOf(server.port()),
                "-i", layout.sftpPrivateKey(account).toString(),
                "-o", "UserKnownHostsFile=" + layout.knownHosts(), "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", account + "@127.0.0.1")
                .redirectErrorStream(true).start();
        try (OutputStream batch = sftp.getOutputStream()) {
            batch.write(commands.getBytes(StandardCharsets.UTF_8));
        }
        String transcript = new String(sftp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sftp.waitFor()).as(transcript).isZero();
        return transcript;
    }

    private SftpTestClient clientOf(String account) throws JSchException {
        return SftpTestClient.withKey(account, layout.sftpPrivateKey(account), layout.knownHosts(), server.port());
    }

    private static List<String> names(ChannelSftp sftp, String directory) throws SftpException {
        return sftp.ls(directory).stream()
                .map(LsEntry::getFilename)
                .filter(name -> !name.equals(".") && !name.equals(".."))
                .toList();
    }

    private static ByteArrayInputStream content(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Path, byte[]> contents(Path directory) throws IOException {
        Map<Path, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(directory.relativize(file), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
