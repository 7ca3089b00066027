package cn.canbao.hub.embedded.sftp;

import cn.canbao.hub.exchange.ExchangeLayout;
import cn.canbao.hub.exchange.SecretFiles;
import cn.canbao.hub.exchange.SftpAccount;
import cn.canbao.hub.exchange.SftpProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange server of the default run (Apache MINA SSHD): SFTP only, no shell, no forwarding. Each account
 * sees only its home under the exchange root; the hub's home is the root itself. The host key and every
 * account's credentials are generated on first start and kept, so partners' keys and known_hosts stay valid.
 */
public class EmbeddedSftpServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSftpServer.class);

    private final SftpProperties settings;
    private final ExchangeLayout layout;
    private final List<SftpAccount> accounts;
    private SshServer server;
    private KeyPair hostKey;

    public EmbeddedSftpServer(SftpProperties settings, ExchangeLayout layout, List<SftpAccount> accounts) {
        this.settings = settings;
        this.layout = layout;
        this.accounts = List.copyOf(accounts);
    }

    public synchronized void start() throws IOException {
        createHomes();
        WholeFileUploads.removeCutShortUploads(layout.exchangeRoot());
        SftpAccountCredentials credentials = new SftpAccountCredentials(layout);
        int generated = credentials.generateMissing(accounts, settings.passwordAuth());
        SshKeyFiles.generateUnlessPresent(layout.hostKey(), "canbao-hub host key");
        hostKey = SshKeyFiles.load(layout.hostKey());

        server = SshServer.setUpDefaultServer();
        server.setHost(settings.host());
        server.setPort(settings.port());
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setUserAuthFactories(authFactories());
        server.setPublickeyAuthenticator(AccountAuthenticators.publicKeys(layout, accounts));
        server.setPasswordAuthenticator(
                settings.passwordAuth() ? AccountAuthenticators.passwords(credentials, accounts) : null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setFileSystemFactory(homes());
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(new WholeFileUploads()).build()));
        server.start();

        writeKnownHosts();
        log.info("SFTP exchange server listening on {}:{} with {} accounts (homes under {}); host key {}; "
                        + "account keys in {} ({} generated now); clients' known_hosts at {}",
                settings.host(), port(), accounts.size(), layout.exchangeRoot().toAbsolutePath(),
                hostKeyFingerprint(), layout.sftpSecrets().toAbsolutePath(), generated,
                layout.knownHosts().toAbsolutePath());
    }

    public synchronized void stop() throws IOException {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized boolean isListening() {
        return server != null && server.isStarted() && server.isOpen();
    }

    /** The port bound, which differs from the configured one when that is 0. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The SFTP exchange server is not running");
        }
        return server.getPort();
    }

    /** The address clients use: the listening address, or loopback when the server listens on every address. */
    public String clientHost() {
        try {
            return InetAddress.getByName(settings.host()).isAnyLocalAddress() ? "127.0.0.1" : settings.host();
        } catch (IOException e) {
            return settings.host();
        }
    }

    public int accountCount() {
        return accounts.size();
    }

    /** SHA256 fingerprint of the host key, as OpenSSH prints it. */
    public synchronized String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    private void createHomes() throws IOException {
        for (SftpAccount account : accounts) {
            Path home = Files.createDirectories(layout.exchangeRoot().resolve(account.home()));
            for (String folder : account.folders()) {
                Files.createDirectories(home.resolve(folder));
            }
        }
    }

    private VirtualFileSystemFactory homes() {
        VirtualFileSystemFactory homes = new VirtualFileSystemFactory();
        accounts.forEach(account ->
                homes.setUserHomeDir(account.name(), layout.exchangeRoot().resolve(account.home()).toAbsolutePath()));
        return homes;
    }

    private List<UserAuthFactory> authFactories() {
        List<UserAuthFactory> factories = new ArrayList<>();
        factories.add(UserAuthPublicKeyFactory.INSTANCE);
        if (settings.passwordAuth()) {
            factories.add(UserAuthPasswordFactory.INSTANCE);
        }
        return factories;
    }

    /**
     * Rewritten on every start because it holds the bound port; its key is the persisted host key, so with a
     * fixed port the file stays the same across restarts.
     */
    private void writeKnownHosts() throws IOException {
        String hostPattern = port() == 22 ? clientHost() : "[" + clientHost() + "]:" + port();
        String line = hostPattern + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
        Path knownHosts = layout.knownHosts();
        if (Files.exists(knownHosts) && Files.readString(knownHosts, StandardCharsets.US_ASCII).equals(line)) {
            return;
        }
        SecretFiles.createOwnerOnlyDirectory(knownHosts.getParent());
        Files.writeString(knownHosts, line, StandardCharsets.US_ASCII);
    }
}
