package cn.canbao.hub.connector.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the reader tests share: the {@code format:} sections of the shipped descriptors (so the tests prove them),
 * bytes in the spec's encodings, and a whole file read into its records or its file-level failure.
 */
final class Formats {

    /** GBK as the hub decodes it: GB18030, the superset that also encodes rare 4-byte characters. */
    static final Charset GBK = Charset.forName("GB18030");

    /** 𠀾 U+2003E, a rare character (生僻字) outside the BMP: 4 bytes in GB18030, a surrogate pair in Java. */
    static final String RARE = new String(Character.toChars(0x2003E));

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final ObjectMapper YAML =
            YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Formats() {
    }

    /** The format of {@code connectors/<system>.connector.yaml}, exactly as shipped. */
    static FormatSpec of(String system) {
        Path file = Path.of("connectors", system.toLowerCase(Locale.ROOT) + ".connector.yaml");
        try {
            JsonNode descriptor = YAML.readTree(file.toFile());
            return YAML.treeToValue(descriptor.get("format"), FormatSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A shipped format with a smaller record limit, so over-long records need not be megabytes in every test. */
    static FormatSpec withMaxRecordBytes(FormatSpec spec, int maxRecordBytes) {
        return new FormatSpec(spec.kind(), spec.encoding(), spec.bom(), spec.delimiter(), spec.quoting(), spec.columns(),
                spec.requiredColumns(), spec.trailer(), spec.fields(), spec.recordBytes(), spec.rootElement(),
                spec.recordElement(), spec.countAttribute(), maxRecordBytes);
    }

    static byte[] gbk(String text) {
        return text.getBytes(GBK);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Every record of a file, and the file-level failure if there is one (at open or at any later point). */
    record Read(List<RawRecord> records, FileFormatException failure, Map<String, String> fileAttributes) {

        RawRecord record(int number) {
            return records.get(number - 1);
        }

        List<RawRecord> parsed() {
            return records.stream().filter(RawRecord::parsed).toList();
        }

        List<RawRecord> rejected() {
            return records.stream().filter(r -> !r.parsed()).toList();
        }

        /** Asserts the file was read to its end without a file-level failure and returns its records. */
        List<RawRecord> completed() {
            assertThat(failure).as("file-level failure").isNull();
            return records;
        }

        FileFormatException failed() {
            assertThat(failure).as("file-level failure").isNotNull();
            return failure;
        }
    }

    static Read read(FormatSpec spec, byte[] file) {
        return read(spec, new ByteArrayInputStream(file));
    }

    static Read read(FormatSpec spec, InputStream file) {
        List<RawRecord> records = new ArrayList<>();
        RecordReader reader;
        try {
            reader = RecordReader.open(spec, file);
        } catch (FileFormatException e) {
            return new Read(records, e, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (reader) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
            assertThat(reader.recordsRead()).as("records read").isEqualTo(records.size());
            return new Read(records, null, reader.fileAttributes());
        } catch (FileFormatException e) {
            return new Read(records, e, reader.fileAttributes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * No field of any record holds a replacement character, and none holds text that is the encoded bytes of
     * another charset read in the wrong one (GB18030 decoding of UTF-8 Chinese, e.g. 张三 as 寮犱笁).
     */
    static void assertNoMojibake(List<RawRecord> records, String... genuineTexts) {
        for (RawRecord record : records) {
            for (String value : record.fields().values()) {
                assertThat(value).as("record %d", record.number()).doesNotContain("\uFFFD");
                for (String genuine : genuineTexts) {
                    assertThat(value).as("record %d", record.number())
                            .doesNotContain(new String(utf8(genuine), GBK))
                            .doesNotContain(new String(gbk(genuine), StandardCharsets.UTF_8));
                }
            }
        }
    }
}
