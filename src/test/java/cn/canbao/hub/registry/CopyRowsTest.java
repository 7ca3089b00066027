package cn.canbao.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The COPY text format a file's records are streamed in: what PostgreSQL reads back must be what was sent. */
class CopyRowsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain ASCII            | 630102194001010002 | 630102194001010002
            Han characters         | 张三                | 张三
            rare character (4 B)   | 𠀀                  | 𠀀
            """)
    void escapesExactlyWhatCopyTextFormatRequires(String what, String value, String expected) {
        assertThat(row(rows -> rows.escaped(value.getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected + "\n");
        assertThat(row(rows -> rows.text(value))).isEqualTo(expected + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            backslash       | \\\\ | \\\\
            tab             | \\t   | \\t
            line feed       | \\n   | \\n
            carriage return | \\r   | \\r
            """)
    void charactersThatCopyReadsSpeciallyAreEscaped(String what, String special, String expected) {
        String value = "a" + special.translateEscapes() + "b"; // the table names the character by its Java escape
        assertThat(row(rows -> rows.text(value))).isEqualTo("a" + expected + "b\n");
        assertThat(row(rows -> rows.escaped(value.getBytes(StandardCharsets.UTF_8)))).isEqualTo("a" + expected + "b\n");
    }

    @Test
    void findsTheCharacterToEscapeAtEveryPositionOfALongValue() {
        String filler = "{\"name\":\"张三\",\"no\":\"630102\"}";
        for (String special : new String[] {"\\", "\t", "\n", "\r"}) {
            for (int at = 0; at <= filler.length(); at++) {
                String value = filler.substring(0, at) + special + filler.substring(at) + special;
                String expected = value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                        .replace("\r", "\\r");
                assertThat(row(rows -> rows.escaped(value.getBytes(StandardCharsets.UTF_8))))
                        .as("character %d at %d", (int) special.charAt(0), at).isEqualTo(expected + "\n");
            }
        }
    }

    @Test
    void nullIsCopysNullMarkerAndFieldsAreTabSeparated() {
        assertThat(row(rows -> rows.ascii("CARD").tab().text(null).tab().number(42))).isEqualTo("CARD\t\\N\t42\n");
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        String longValue = "字".repeat(10_000);
        assertThat(row(rows -> rows.text(longValue))).isEqualTo(longValue + "\n");
    }

    private static String row(Consumer<CopyRows> fill) {
        CopyRows rows = new CopyRows(16);
        fill.accept(rows);
        rows.endRow();
        return new String(rows.toByteArray(), StandardCharsets.UTF_8);
    }
}
