package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Delivery.DataFile;
import cn.canbao.hub.support.PartnerSftp;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Data files of every format, taken from the connector fixtures (src/test/resources/fixtures/): per system a valid
 * file and files with rejected records; among them files rejected whole (a missing trailer, a wrong count) and one
 * whose every record is rejected. The done file states the count the fixture's expected receipt gives.
 */
final class WorkloadFiles {

    private static final String REGION_AND_DAY = "_630000_20171015_";

    /** system → its fixture cases and the data file extension. */
    private static final Map<String, List<String>> CASES = Map.of(
            "CARD", List.of("csv", "valid", "invalid_values", "snapshot_FULL"),
            "PENSION", List.of("txt", "valid", "invalid_identity_numbers", "missing_trailer"),
            "MEDICAL", List.of("xml", "valid", "invalid_values", "count_mismatch"),
            "UNEMPLOYMENT", List.of("dat", "valid", "wrong_line_length"),
            "INJURY", List.of("jsonl", "valid", "invalid_values", "invalid_json_line"),
            "MATERNITY", List.of("csv", "valid", "invalid_values"),
            "POLICE", List.of("xml", "valid", "invalid_values", "delete"),
            "EDUCATION", List.of("csv", "valid", "without_identity_number"),
            "JUSTICE", List.of("csv", "valid", "invalid_identity_numbers"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkloadFiles() {
    }

    static List<DataFile> fromFixtures() {
        List<DataFile> files = new ArrayList<>();
        CASES.keySet().stream().sorted().forEach(system -> {
            List<String> cases = CASES.get(system);
            String extension = cases.get(0);
            for (int i = 1; i < cases.size(); i++) {
                String caseName = cases.get(i);
                String full = caseName.endsWith("_FULL") ? "_FULL" : "";
                String name = system + REGION_AND_DAY + String.format("%03d", i) + full + "." + extension;
                files.add(file(system, caseName, extension, name));
            }
        });
        return List.copyOf(files);
    }

    private static DataFile file(String system, String caseName, String extension, String name) {
        String folder = "/fixtures/" + system.toLowerCase() + "/";
        try {
            byte[] data = resource(folder + caseName + "." + extension);
            long records = JSON.readTree(resource(folder + caseName + ".expected.json"))
                    .at("/receipt/records").asLong();
            return new DataFile(system.toLowerCase(), name, data, PartnerSftp.doneFile(data, records));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the workload file of fixture " + folder + caseName, e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = WorkloadFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
