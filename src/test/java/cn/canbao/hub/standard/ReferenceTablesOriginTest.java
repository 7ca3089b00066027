package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReferenceTablesOriginTest {

    private static final Pattern ROW = Pattern.compile("^\\| ([a-z0-9_]+\\.csv) \\|.*\\| `([0-9a-f]{64})` \\|$", Pattern.MULTILINE);

    @Test
    void everyReferenceCopyIsTheFileItsOriginNoteNames() throws IOException, NoSuchAlgorithmException {
        Map<String, String> hashOfFile = new LinkedHashMap<>();
        Matcher row = ROW.matcher(resource("ORIGIN.md"));
        while (row.find()) {
            hashOfFile.put(row.group(1), row.group(2));
        }

        assertThat(hashOfFile).hasSize(8);
        for (Map.Entry<String, String> entry : hashOfFile.entrySet()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(entry.getKey()));
            assertThat(HexFormat.of().formatHex(digest)).as(entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    private static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = ReferenceTablesOriginTest.class.getResourceAsStream("/reference/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
