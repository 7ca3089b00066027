package cn.canbao.hub.embedded.demo;

import java.time.LocalDate;

/**
 * One synthetic resident of the demo population, with what the source systems will say about them.
 *
 * @param township    9-digit township code of the household registration (or residence, for category 2)
 * @param category    RYLB: 1 registered resident, 2 non-registered resident
 * @param vitalStatus RYZT: 0 normal, 1 deceased, 2 moved out, 3 cancelled
 * @param employment  what the scheme systems hold: EMPLOYEE, RESIDENT (urban-rural schemes), RETIREE, NONE
 * @param lapsed      contributions stopped more than a year ago
 */
public record DemoPerson(String idNumber, String name, String sex, String ethnicity, LocalDate birthDate,
                         String township, String category, String vitalStatus, Employment employment,
                         boolean lapsed, boolean hasCard, boolean student, boolean inCustody) {

    public enum Employment { EMPLOYEE, RESIDENT, RETIREE, NONE }

    public String county() {
        return township.substring(0, 6);
    }
}
