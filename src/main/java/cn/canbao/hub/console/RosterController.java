package cn.canbao.hub.console;

import cn.canbao.hub.compare.ComparisonRuns;
import cn.canbao.hub.compare.RosterRows;
import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.standard.Region;
import cn.canbao.hub.standard.Regions;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The current survey roster of a county (6 digits) or township (9 digits) for the survey app (spec §6): the
 * rostered persons of the latest completed run, in roster order, each with the latest survey result about them,
 * streamed from the database as {@code {"runId", "asOf", "region", "rows": [...]}} (docs/survey.md). A survey
 * client gets only the rosters of its regions (403 for others).
 */
@RestController
@RequestMapping("/api/v1/rosters")
public class RosterController {

    private final ComparisonRuns runs;
    private final RosterRows rows;

    public RosterController(ComparisonRuns runs, RosterRows rows) {
        this.runs = runs;
        this.rows = rows;
    }

    @GetMapping("/{region}")
    public ResponseEntity<StreamingResponseBody> roster(@PathVariable String region, Authentication caller) {
        Region division = Regions.standard().find(region)
                .filter(r -> "county".equals(r.level()) || "township".equals(r.level()))
                .orElseThrow(() -> new ApiException.NotFound(region + " is not a county or township of the province"));
        if (!SurveyArea.of(caller).covers(division.code())) {
            throw new ApiException.Forbidden(region + " is outside the regions of client " + caller.getName());
        }
        ComparisonRuns.Run run = runs.latestCompleted()
                .orElseThrow(() -> new ApiException.NotFound("no completed comparison run yet"));
        StreamingResponseBody body = out -> {
            try (JsonGenerator json = CanonicalJson.mapper().getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeNumberField("runId", run.id());
                json.writeStringField("asOf", run.asOf().toString());
                json.writeStringField("region", division.code());
                json.writeArrayFieldStart("rows");
                rows.streamWithSurveys(run.id(), division.code(), row -> {
                    try {
                        json.writeObject(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                json.writeEndArray();
                json.writeEndObject();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
