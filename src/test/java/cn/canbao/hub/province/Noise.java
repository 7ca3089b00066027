package cn.canbao.hub.province;

/**
 * How often the generated province carries the faults real partners send, each a fraction of persons (0..1).
 *
 * @param wrongCheckCharacter a person gets one more record (POLICE, CARD or PENSION file, scheme event, front-database
 *                            row) with a wrong check character: quarantined ({@code ID_CHECKSUM})
 * @param legacyNumber        a person born in the 1900s is stated by the card base with the 15-digit number (kept, converted)
 * @param sexMismatch         a person whose every source states the sex the identity number contradicts (flag {@code SEX_MISMATCH})
 * @param duplicateRecord     a record written twice into the same file ({@code DUPLICATE_IN_FILE}, the last stands)
 * @param schemeOnly          a person known to a scheme system (and perhaps the card base) but not to POLICE
 * @param studentWithoutNumber a student record without identity number (kept unmatched, {@code ID_NUMBER_ABSENT})
 */
public record Noise(double wrongCheckCharacter, double legacyNumber, double sexMismatch, double duplicateRecord,
                    double schemeOnly, double studentWithoutNumber) {

    public static final Noise DEFAULT = new Noise(0.002, 0.01, 0.003, 0.003, 0.005, 0.001);
}
