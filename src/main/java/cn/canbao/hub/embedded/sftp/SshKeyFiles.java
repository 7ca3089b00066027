package cn.canbao.hub.embedded.sftp;

import cn.canbao.hub.exchange.SecretFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * Key pairs in OpenSSH format, the one format that JSch, OpenSSH and MINA all read. ECDSA P-256: quick to
 * generate for dozens of accounts and accepted by every client the partners use.
 */
final class SshKeyFiles {

    private static final int EC_P256 = 256;

    private SshKeyFiles() {
    }

    /**
     * Generates a key pair into {@code privateKey} (mode 600) and {@code <privateKey>.pub} unless the private
     * key exists.
     *
     * @return the new key pair, or {@code null} when the private key was already there
     */
    static KeyPair generateUnlessPresent(Path privateKey, String comment) throws IOException {
        if (Files.exists(privateKey)) {
            return null;
        }
        KeyPair keyPair = newKeyPair();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, comment, null, encoded);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encode the private key " + privateKey, e);
        }
        Path publicKey = privateKey.resolveSibling(privateKey.getFileName() + ".pub");
        Files.deleteIfExists(publicKey);
        SecretFiles.writeOwnerOnly(publicKey, publicKeyLine(keyPair.getPublic(), comment));
        SecretFiles.writeOwnerOnly(privateKey, encoded.toByteArray());
        return keyPair;
    }

    static KeyPair load(Path privateKey) throws IOException {
        for (KeyPair keyPair : new FileKeyPairProvider(privateKey).loadKeys(null)) {
            return keyPair;
        }
        throw new IOException("No key in " + privateKey);
    }

    /** {@code <type> <base64> <comment>} and a line break: a line of a .pub or authorized_keys file. */
    static byte[] publicKeyLine(PublicKey key, String comment) {
        return (PublicKeyEntry.toString(key) + " " + comment + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static KeyPair newKeyPair() throws IOException {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, EC_P256);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot generate an ECDSA P-256 key pair", e);
        }
    }
}
