package cn.canbao.hub.embedded.sftp;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * A file a client uploads appears under its name only once it is whole: a file opened to be written from scratch
 * (write, truncate) is written under a hidden name beside it and renamed when the client closes it. The exchange
 * server runs in the hub's JVM, so a {@code kill -9} of the hub cut partners' uploads short: a done file created but
 * not yet written stayed in {@code in/} empty, the partner (seeing it there) did not send it again, and the hub
 * rejected a correctly sent file with FILE_FORMAT. Now the half-written file keeps its hidden name, the partner sends
 * again, and the hub never reads a done file a partner is still writing. A client that goes away in the middle of
 * an upload still leaves what it wrote under the file's name (its handle is closed for it), as before. Other opens
 * (appending, resuming, reading and writing) write in place. Attributes a client sets on a file it is still uploading
 * go to the hidden file: OpenSSH's {@code sftp put} sends the file's permissions with the open request (and
 * {@code put -p} its times before the close), which the server applies to the name the client gave.
 */
final class WholeFileUploads implements SftpFileSystemAccessor {

    /** What a cut-short upload leaves: {@code .{name}.uploading}, removed at the next start. */
    static final String UPLOADING = ".uploading";
    /** The longest file name (in bytes) the file systems the exchange runs on take. */
    private static final int NAME_MAX = 255;

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                                        Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path target = isUpload(options) ? uploading(file) : file;
        return SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, target, handle, options, attrs);
    }

    @Override
    public void closeFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                          Channel channel, Set<? extends OpenOption> options) throws IOException {
        boolean wasOpen = channel != null && channel.isOpen();
        SftpFileSystemAccessor.super.closeFile(subsystem, fileHandle, file, handle, channel, options);
        if (wasOpen && isUpload(options)) {
            Files.move(uploading(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Override
    public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute, Object value,
                                 LinkOption... options) throws IOException {
        SftpFileSystemAccessor.super.setFileAttribute(subsystem, beingWritten(file), view, attribute, value, options);
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy subsystem, Path file, Set<PosixFilePermission> permissions,
                                   LinkOption... options) throws IOException {
        SftpFileSystemAccessor.super.setFilePermissions(subsystem, beingWritten(file), permissions, options);
    }

    @Override
    public void setFileOwner(SftpSubsystemProxy subsystem, Path file, Principal owner, LinkOption... options)
            throws IOException {
        SftpFileSystemAccessor.super.setFileOwner(subsystem, beingWritten(file), owner, options);
    }

    @Override
    public void setGroupOwner(SftpSubsystemProxy subsystem, Path file, Principal group, LinkOption... options)
            throws IOException {
        SftpFileSystemAccessor.super.setGroupOwner(subsystem, beingWritten(file), group, options);
    }

    @Override
    public void setFileAccessControl(SftpSubsystemProxy subsystem, Path file, List<AclEntry> acl,
                                     LinkOption... options) throws IOException {
        SftpFileSystemAccessor.super.setFileAccessControl(subsystem, beingWritten(file), acl, options);
    }

    /** The hidden file of an upload in progress under this name, else the file itself. */
    private static Path beingWritten(Path file) {
        Path hidden = uploading(file);
        return Files.notExists(file) && Files.exists(hidden) ? hidden : file;
    }

    /** Removes what uploads cut short by the hub's end left behind; none can be in progress before the server runs. */
    static void removeCutShortUploads(Path exchangeRoot) throws IOException {
        if (!Files.isDirectory(exchangeRoot)) {
            return;
        }
        try (Stream<Path> files = Files.walk(exchangeRoot)) {
            for (Path leftover : files.filter(WholeFileUploads::isCutShortUpload).toList()) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static boolean isCutShortUpload(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") && name.endsWith(UPLOADING) && Files.isRegularFile(path);
    }

    private static boolean isUpload(Set<? extends OpenOption> options) {
        return options.contains(StandardOpenOption.WRITE) && options.contains(StandardOpenOption.TRUNCATE_EXISTING)
                && !options.contains(StandardOpenOption.APPEND) && !options.contains(StandardOpenOption.READ);
    }

    /** A name the exchange's file system takes even where the file's own name is as long as it allows. */
    private static Path uploading(Path file) {
        String name = file.getFileName().toString();
        String hidden = "." + name + UPLOADING;
        if (hidden.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
            hidden = "." + HexFormat.of().formatHex(sha256(name)) + UPLOADING;
        }
        return file.resolveSibling(hidden);
    }

    private static byte[] sha256(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
