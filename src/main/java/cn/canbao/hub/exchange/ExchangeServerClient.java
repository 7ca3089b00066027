package cn.canbao.hub.exchange;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hub's own SFTP client for what a consumer route does not do: read a done file, write a receipt,
 * move a processed file. It logs in as the hub account with strict host-key checking, like any partner.
 */
@Component
public class ExchangeServerClient {

    private static final int MAX_SMALL_FILE = 64 * 1024;

    private final ExchangeCredentials credentials;
    private final String ciphers;

    public ExchangeServerClient(ExchangeCredentials credentials, @Value("${canbao.sftp.ciphers}") String ciphers) {
        this.credentials = credentials;
        this.ciphers = ciphers;
    }

    public ExchangeSession open() throws IOException {
        String host = credentials.sftpHost();
        int port = credentials.sftpPort();
        try {
            JSch jsch = new JSch();
            jsch.addIdentity(credentials.sftpPrivateKey().toString());
            jsch.setKnownHosts(credentials.knownHosts().toString());
            Session session = jsch.getSession(credentials.sftpUser(), host, port);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setConfig("cipher.s2c", ciphers);
            session.setConfig("cipher.c2s", ciphers);
            session.connect(15_000);
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(15_000);
            return new ExchangeSession(session, channel);
        } catch (JSchException e) {
            throw new IOException("cannot reach the exchange server " + host + ":" + port + " as "
                    + credentials.sftpUser(), e);
        }
    }

    /** One SFTP session; paths are relative to the hub account's root (the partner homes). */
    public static final class ExchangeSession implements AutoCloseable {

        private final Session session;
        private final ChannelSftp channel;

        private ExchangeSession(Session session, ChannelSftp channel) {
            this.session = session;
            this.channel = channel;
        }

        public boolean exists(String path) throws IOException {
            try {
                channel.stat(path);
                return true;
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return false;
                }
                throw new IOException("cannot stat " + path, e);
            }
        }

        /** The names of the plain files in a directory. */
        public List<String> files(String directory) throws IOException {
            try {
                List<String> names = new ArrayList<>();
                for (Object entry : channel.ls(directory)) {
                    ChannelSftp.LsEntry file = (ChannelSftp.LsEntry) entry;
                    if (file.getAttrs().isReg()) {
                        names.add(file.getFilename());
                    }
                }
                return names;
            } catch (SftpException e) {
                throw new IOException("cannot list " + directory, e);
            }
        }

        /** Reads a small UTF-8 text file such as a done file; a larger one is cut at 64 KiB. */
        public String readText(String path) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = channel.get(path)) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0 && out.size() < MAX_SMALL_FILE) {
                    out.write(buffer, 0, n);
                }
            } catch (SftpException e) {
                throw new IOException("cannot read " + path, e);
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        /** Writes under a temporary name, then renames, so a partner never reads half a file. */
        public void writeText(String directory, String fileName, String content) throws IOException {
            String temporary = directory + "/." + fileName + ".part";
            String target = directory + "/" + fileName;
            try {
                ensureDirectory(directory);
                channel.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), temporary);
                removeIfPresent(target);
                channel.rename(temporary, target);
            } catch (SftpException e) {
                throw new IOException("cannot write " + target, e);
            }
        }

        /** Moves a file into a directory, replacing a file of the same name there. */
        public void move(String path, String directory) throws IOException {
            String target = directory + "/" + path.substring(path.lastIndexOf('/') + 1);
            try {
                ensureDirectory(directory);
                removeIfPresent(target);
                channel.rename(path, target);
            } catch (SftpException e) {
                throw new IOException("cannot move " + path + " to " + directory, e);
            }
        }

        private void removeIfPresent(String path) throws SftpException, IOException {
            if (exists(path)) {
                channel.rm(path);
            }
        }

        private void ensureDirectory(String directory) throws SftpException, IOException {
            if (!exists(directory)) {
                channel.mkdir(directory);
            }
        }

        @Override
        public void close() {
            channel.disconnect();
            session.disconnect();
        }
    }
}
