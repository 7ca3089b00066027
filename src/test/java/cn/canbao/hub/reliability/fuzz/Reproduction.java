package cn.canbao.hub.reliability.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An unanswered input written out to be sent again by hand: a file's data, done file and name; an event's body as
 * sent (text in UTF-8, bytes or the core body buffer as they are); a row's values. Text that no encoding holds (a
 * lone surrogate) is written with '?' in its place.
 */
final class Reproduction {

    private Reproduction() {
    }

    static void write(Path directory, FuzzInput input) {
        Path folder = directory.resolve(input.kind().name().toLowerCase(Locale.ROOT) + "-"
                + input.id().replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            Files.createDirectories(folder);
            text(folder.resolve("what.txt"), input.format() + "\n" + input.mutation() + "\n");
            if (input instanceof MalformedFile file) {
                Files.write(folder.resolve("data"), file.data());
                Files.write(folder.resolve("done"), file.doneFile());
                text(folder.resolve("name"), file.fileName());
            } else if (input instanceof MalformedEvent event) {
                if (event.body() instanceof MalformedEvent.Text message) {
                    text(folder.resolve("body.txt"), String.valueOf(message.text()));
                } else if (event.body() instanceof MalformedEvent.CoreText core) {
                    Files.write(folder.resolve("core-body-buffer.bin"), core.bodyBuffer());
                } else if (event.body() instanceof MalformedEvent.Bytes bytes) {
                    Files.write(folder.resolve("body.bin"), bytes.bytes());
                } else {
                    text(folder.resolve("body.txt"), event.body().toString());
                }
            } else {
                text(folder.resolve("row.txt"), input.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Path file, String text) throws IOException {
        Files.write(file, TextFile.encode(text, StandardCharsets.UTF_8));
    }
}
