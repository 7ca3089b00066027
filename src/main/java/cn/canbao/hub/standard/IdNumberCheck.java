package cn.canbao.hub.standard;

import java.time.LocalDate;

/**
 * The outcome of checking an identity number. When {@link #ok()}, {@code idNumber} is the 18-character form
 * (uppercase X), {@code birthDate} and {@code sex} ("1" male, "2" female) are read from it, and
 * {@code upgradedFrom15} says whether the sender gave a 15-digit legacy number. Otherwise only
 * {@code error} and {@code message} are set: nothing is derived from an invalid number.
 */
public record IdNumberCheck(
        String idNumber,
        boolean upgradedFrom15,
        LocalDate birthDate,
        String sex,
        ErrorCode error,
        String message) {

    static IdNumberCheck valid(String idNumber, boolean upgradedFrom15, LocalDate birthDate, String sex) {
        return new IdNumberCheck(idNumber, upgradedFrom15, birthDate, sex, null, null);
    }

    static IdNumberCheck invalid(ErrorCode error, String message) {
        return new IdNumberCheck(null, false, null, null, error, message);
    }

    public boolean ok() {
        return error == null;
    }
}
