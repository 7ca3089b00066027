package cn.canbao.hub.embedded.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.nio.file.Path;

/** A partner's SFTP client as vendors build it: JSch, strict host key checking against a known_hosts file. */
final class SftpTestClient implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final Session session;
    private final ChannelSftp sftp;

    private SftpTestClient(Session session) throws JSchException {
        this.session = session;
        session.connect(TIMEOUT_MILLIS);
        this.sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect(TIMEOUT_MILLIS);
    }

    static SftpTestClient withKey(String user, Path privateKey, Path knownHosts, int port) throws JSchException {
        JSch jsch = new JSch();
        jsch.addIdentity(privateKey.toString());
        Session session = session(jsch, user, knownHosts, port);
        session.setConfig("PreferredAuthentications", "publickey");
        return new SftpTestClient(session);
    }

    static SftpTestClient withPassword(String user, String password, Path knownHosts, int port) throws JSchException {
        Session session = session(new JSch(), user, knownHosts, port);
        session.setPassword(password);
        session.setConfig("PreferredAuthentications", "password");
        return new SftpTestClient(session);
    }

    ChannelSftp sftp() {
        return sftp;
    }

    @Override
    public void close() {
        sftp.disconnect();
        session.disconnect();
    }

    private static Session session(JSch jsch, String user, Path knownHosts, int port) throws JSchException {
        jsch.setKnownHosts(knownHosts.toString());
        Session session = jsch.getSession(user, "127.0.0.1", port);
        session.setConfig("StrictHostKeyChecking", "yes");
        return session;
    }
}
