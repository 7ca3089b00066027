package cn.canbao.hub.province;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates a synthetic Qinghai: every person once, streamed into the sources (see {@link Sources}) and into the
 * ground truth — {@code truth/persons.csv} (each person's expected category, exclusion, flags and 缺少险种 at the
 * as-of date) and {@code truth/quarantine.csv} (each record the hub must reject: system, file, record, code).
 */
public final class ProvinceGenerator {

    /** What was written. */
    public record Summary(long persons, Map<String, Long> categories, Map<String, Long> files, long events,
                          long civilRows, long quarantined, long millis) {
    }

    private ProvinceGenerator() {
    }

    public static Summary generate(ProvinceSettings settings) throws IOException {
        long started = System.nanoTime();
        Path truthFolder = Files.createDirectories(settings.out().resolve("truth"));
        Map<String, Long> categories = new TreeMap<>();
        long[] quarantined = {0};
        Residents residents = new Residents(settings, Divisions.qinghai());
        Oracle oracle = new Oracle(settings.asOf(), "63");
        try (BufferedWriter truth = Files.newBufferedWriter(truthFolder.resolve(Truth.PERSONS));
             BufferedWriter rejected = Files.newBufferedWriter(truthFolder.resolve(Truth.QUARANTINE));
             Sources sources = new Sources(settings, (system, position, code) -> {
                 quarantined[0]++;
                 try {
                     rejected.write(system + "," + position.file() + "," + position.record() + "," + code + "\n");
                 } catch (IOException e) {
                     throw new java.io.UncheckedIOException(e);
                 }
             })) {
            truth.write(Truth.PERSONS_HEADER + "\n");
            rejected.write(Truth.QUARANTINE_HEADER + "\n");
            for (long index = 0; index < settings.persons(); index++) {
                Resident person = residents.next(index);
                Oracle.Verdict verdict = oracle.verdict(person);
                categories.merge(verdict.category(), 1L, Long::sum);
                truth.write(Truth.line(person.idNumber(), person.kind().name(), verdict));
                truth.write('\n');
                sources.write(person);
                if (new SplittableRandom(settings.seed() ^ index * 0x632100L).nextDouble()
                        < settings.noise().studentWithoutNumber()) {
                    sources.studentWithoutNumber(person);
                }
            }
            sources.close();
            Summary summary = new Summary(settings.persons(), categories, sources.filesPerSystem(), sources.events(),
                    sources.civilRows(), quarantined[0], (System.nanoTime() - started) / 1_000_000);
            Files.writeString(settings.out().resolve("province.txt"), "persons=" + settings.persons() + "\nseed="
                    + settings.seed() + "\nasOf=" + settings.asOf() + "\n" + summary + "\n");
            return summary;
        }
    }
}
