package cn.canbao.hub.embedded.demo;

import java.time.LocalDate;
import java.util.List;

/** Every file-delivering system's demo file for one population. */
final class DemoFiles {

    private DemoFiles() {
    }

    static List<DemoFile> all(List<DemoPerson> persons, LocalDate today, String provinceCode) {
        List<DemoParticipation> participations = DemoParticipations.of(persons, today);
        return List.of(
                CardDemoFile.of(persons, today, provinceCode),
                DepartmentDemoFiles.police(persons, today, provinceCode),
                DepartmentDemoFiles.education(persons, today, provinceCode),
                DepartmentDemoFiles.justice(persons, today, provinceCode),
                SchemeDemoFiles.pension(participations, today, provinceCode),
                SchemeDemoFiles.medical(participations, today, provinceCode),
                SchemeDemoFiles.unemployment(participations, today, provinceCode),
                SchemeDemoFiles.injury(participations, today, provinceCode),
                SchemeDemoFiles.maternity(participations, today, provinceCode));
    }
}
