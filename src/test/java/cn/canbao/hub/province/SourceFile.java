package cn.canbao.hub.province;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.LongFunction;

/**
 * One source system's data files as a partner sends them (spec §3): {@code {SYSTEM}_630000_{yyyyMMdd}_{SEQ3}.{ext}}
 * increments of at most {@code recordsPerFile} records, each followed by its done file (SHA-256, {@code records=N}).
 * A format whose header states the count (the XML formats' {@code count} attribute) is written to a scratch file
 * first and put behind its header when complete; the others stream straight into the data file.
 */
final class SourceFile implements AutoCloseable {

    /** Where a record went: its file and 1-based record number there. */
    record Position(String file, long record) {
    }

    private final Path folder;
    private final String system;
    private final String extension;
    private final String suffix;
    private final String day;
    private final int recordsPerFile;
    private final LongFunction<byte[]> header;
    private final LongFunction<byte[]> trailer;
    private final boolean countInHeader;

    private int sequence;
    private long records;
    private long files;
    private String name;
    private Path target;
    private OutputStream out;
    private MessageDigest digest;

    SourceFile(Path out, String system, String extension, LocalDate day, int recordsPerFile,
               LongFunction<byte[]> header, LongFunction<byte[]> trailer, boolean countInHeader) {
        this(out.resolve("files"), system, extension, "", day, recordsPerFile, header, trailer, countInHeader);
    }

    /** Files under {@code root/{system}/}, their names ending in {@code suffix} before the extension (e.g. _FULL). */
    SourceFile(Path root, String system, String extension, String suffix, LocalDate day, int recordsPerFile,
               LongFunction<byte[]> header, LongFunction<byte[]> trailer, boolean countInHeader) {
        this.folder = root.resolve(system.toLowerCase());
        this.suffix = suffix;
        this.system = system;
        this.extension = extension;
        this.day = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        this.recordsPerFile = recordsPerFile;
        this.header = header;
        this.trailer = trailer;
        this.countInHeader = countInHeader;
    }

    /** Writes records that must share a file (a record and its duplicate); answers the first one's position. */
    Position write(byte[]... group) {
        try {
            if (out != null && records + group.length > recordsPerFile) {
                finish();
            }
            if (out == null) {
                open();
            }
            Position first = new Position(name, records + 1);
            for (byte[] record : group) {
                out.write(record);
                records++;
            }
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long files() {
        return files;
    }

    private void open() throws IOException {
        Files.createDirectories(folder);
        sequence++;
        if (sequence > 999) {
            throw new IllegalStateException(system + ": more than 999 files of one day; raise --records-per-file");
        }
        name = system + "_630000_" + day + "_" + String.format("%03d", sequence) + suffix + "." + extension;
        target = folder.resolve(name);
        records = 0;
        if (countInHeader) {
            out = new BufferedOutputStream(Files.newOutputStream(scratch()), 1 << 16);
        } else {
            digest = sha256();
            out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(target), digest), 1 << 16);
            out.write(header.apply(0));
        }
    }

    private Path scratch() {
        return folder.resolve("." + name + ".body");
    }

    private void finish() throws IOException {
        if (countInHeader) {
            out.close();
            digest = sha256();
            try (OutputStream file = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(target),
                    digest), 1 << 16); InputStream body = Files.newInputStream(scratch())) {
                file.write(header.apply(records));
                body.transferTo(file);
                file.write(trailer.apply(records));
            }
            Files.delete(scratch());
        } else {
            out.write(trailer.apply(records));
            out.close();
        }
        Files.writeString(folder.resolve(name + ".ok"), HexFormat.of().formatHex(digest.digest()) + "\nrecords="
                + records + "\n", StandardCharsets.UTF_8);
        files++;
        out = null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
