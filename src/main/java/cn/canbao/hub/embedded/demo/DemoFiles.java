package cn.canbao.hub.embedded.demo;

import java.time.LocalDate;
import java.util.List;

/** Every source system's demo file for one population. */
final class DemoFiles {

    private DemoFiles() {
    }

    static List<DemoFile> all(List<DemoPerson> persons, LocalDate today, String provinceCode) {
        return List.of(CardDemoFile.of(persons, today, provinceCode));
    }
}
