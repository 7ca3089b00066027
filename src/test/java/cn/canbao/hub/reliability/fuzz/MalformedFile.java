package cn.canbao.hub.reliability.fuzz;

/**
 * A data file and its done file as a partner uploads them into its SFTP account's {@code in/} folder.
 *
 * @param source   the system whose account receives the file
 * @param fileName the data file name (the done file is {@code fileName + ".ok"})
 * @param data     the data file's bytes
 * @param doneFile the done file's bytes
 */
public record MalformedFile(FileSource source, String fileName, byte[] data, byte[] doneFile, String mutation)
        implements FuzzInput {

    @Override
    public Kind kind() {
        return Kind.FILE;
    }

    @Override
    public String id() {
        return fileName;
    }

    @Override
    public String format() {
        return source.label();
    }
}
