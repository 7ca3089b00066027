package cn.canbao.hub.compare;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The roster file format of spec §7.1: UTF-8 with a byte order mark, RFC 4180 (CRLF, quotes where needed), the
 * header below, and every cell that a spreadsheet would read as a formula prefixed with {@code '}.
 */
final class RosterCsv implements AutoCloseable {

    static final String[] HEADER = {"序号", "公民身份号码", "姓名", "性别", "年龄", "户籍地址", "乡镇街道", "类别", "缺少险种", "原因说明"};

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CSVPrinter printer;

    RosterCsv(OutputStream out) throws IOException {
        out.write(BOM);
        // the printer hands the writer every cell and separator on its own: unbuffered, each became an encoder
        // call of its own (a fifth of the roster writers' time)
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord((Object[]) HEADER);
    }

    void write(RosterRow row) throws IOException {
        printer.printRecord(cell(Long.toString(row.sequence())), cell(row.idNumber()), cell(row.name()),
                cell(row.sex()), cell(row.age() == null ? "" : row.age().toString()), cell(row.address()),
                cell(row.townshipName()), cell(row.categoryText()), cell(String.join(";", row.missingSchemes())),
                cell(row.explanation()));
    }

    /** A cell a spreadsheet would evaluate (=, +, -, @ first) is written as text. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
