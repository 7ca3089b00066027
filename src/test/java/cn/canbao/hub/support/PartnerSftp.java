package cn.canbao.hub.support;

import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Vector;

/** A partner as the spec sees it: logs in with its own key and strict host-key checking, uploads, reads receipts. */
public final class PartnerSftp implements AutoCloseable {

    private final Session session;
    private final ChannelSftp channel;

    public PartnerSftp(Path dataDir, String account, int port) throws JSchException {
        JSch jsch = new JSch();
        jsch.addIdentity(dataDir.resolve("secrets/sftp/" + account).toString());
        jsch.setKnownHosts(dataDir.resolve("secrets/known_hosts").toString());
        session = jsch.getSession(account, "127.0.0.1", port);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        session.connect(10_000);
        channel = (ChannelSftp) session.openChannel("sftp");
        channel.connect(10_000);
    }

    public static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    public static String doneFile(byte[] data, long records) throws Exception {
        return sha256(data) + "\nrecords=" + records + "\n";
    }

    public void put(String path, byte[] content) throws SftpException {
        channel.put(new ByteArrayInputStream(content), path);
    }

    /** Uploads a data file, then its done file, as the spec's senders do. */
    public void send(String fileName, byte[] data, String doneFile) throws SftpException {
        put("in/" + fileName, data);
        put("in/" + fileName + ".ok", doneFile.getBytes(StandardCharsets.UTF_8));
    }

    public void send(String fileName, byte[] data, long records) throws Exception {
        send(fileName, data, doneFile(data, records));
    }

    public boolean exists(String path) {
        try {
            channel.stat(path);
            return true;
        } catch (SftpException e) {
            return false;
        }
    }

    public String read(String path) throws SftpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        channel.get(path, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public void delete(String path) throws SftpException {
        channel.rm(path);
    }

    /**
     * Where a data file's receipt appears (spec §3 and the project's decision on names too long for it): {@code
     * receipt/{name}.receipt.json}, or for a name of more than 236 bytes its first 200 bytes, {@code ~} and the first
     * 8 hex digits of the SHA-256 of the whole name.
     */
    public static String receiptPath(String fileName) throws Exception {
        byte[] name = fileName.getBytes(StandardCharsets.UTF_8);
        if (name.length <= 236) {
            return "receipt/" + fileName + ".receipt.json";
        }
        String beginning = fileName;
        while (beginning.getBytes(StandardCharsets.UTF_8).length > 200) {
            beginning = beginning.substring(0, beginning.offsetByCodePoints(beginning.length(), -1));
        }
        return "receipt/" + beginning + "~" + sha256(name).substring(0, 8) + ".receipt.json";
    }

    /** Waits for the receipt of a data file and returns it. */
    public String awaitReceipt(String fileName) {
        return awaitReceipt(fileName, Duration.ofSeconds(30));
    }

    public String awaitReceipt(String fileName, Duration atMost) {
        String path;
        try {
            path = receiptPath(fileName);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> exists(path));
        try {
            String receipt = read(path);
            delete(path);
            return receipt;
        } catch (SftpException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> list(String directory) throws SftpException {
        Vector<ChannelSftp.LsEntry> entries = channel.ls(directory);
        return entries.stream().map(ChannelSftp.LsEntry::getFilename).filter(n -> !n.startsWith(".")).sorted().toList();
    }

    /** False once the server went away (or the session was closed). */
    public boolean isConnected() {
        return session.isConnected() && channel.isConnected();
    }

    @Override
    public void close() {
        channel.disconnect();
        session.disconnect();
    }
}
