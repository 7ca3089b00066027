package cn.canbao.hub.province;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param persons        residents (and persons only some source knows) to generate
 * @param seed           the same seed gives the same province, byte for byte
 * @param asOf           the comparison's as-of date D the ground truth is computed for; files are dated D
 * @param out            where the sources and the truth are written
 * @param recordsPerFile a source's records are split into files of at most this many
 * @param noise          the rates of faulty records
 */
public record ProvinceSettings(long persons, long seed, LocalDate asOf, Path out, int recordsPerFile, Noise noise) {

    public static final int DEFAULT_RECORDS_PER_FILE = 200_000;
}
