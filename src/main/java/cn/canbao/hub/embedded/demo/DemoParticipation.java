package cn.canbao.hub.embedded.demo;

import java.time.LocalDate;
import java.time.YearMonth;

/** One participation the demo population's scheme systems report. */
record DemoParticipation(DemoPerson person, String scheme, String personStatus, String contributionStatus,
                         LocalDate startDate, YearMonth lastPaidMonth, String employerId, String employerName) {
}
