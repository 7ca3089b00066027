package cn.canbao.hub.console;

import cn.canbao.hub.compare.ComparisonRuns;
import cn.canbao.hub.compare.Statistics;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Category counts and coverage rates of a region in a run, with the regions directly below it. */
@RestController
@RequestMapping("/api/v1/stats")
public class StatisticsController {

    public record StatisticsResponse(long runId, Statistics.RegionStatistic region,
                                     List<Statistics.RegionStatistic> below) {
    }

    private final Statistics statistics;
    private final ComparisonRuns runs;
    private final String provinceCode;

    public StatisticsController(Statistics statistics, ComparisonRuns runs,
                                @Value("${canbao.province-code}") String provinceCode) {
        this.statistics = statistics;
        this.runs = runs;
        this.provinceCode = provinceCode;
    }

    /**
     * @param region the province (default), a prefecture or a county code
     * @param run    a run id; the latest completed run by default
     */
    @GetMapping
    public StatisticsResponse statistics(@RequestParam(required = false) String region,
                                         @RequestParam(required = false) Long run) {
        long runId = run != null ? run : runs.latestCompleted().map(ComparisonRuns.Run::id)
                .orElseThrow(() -> new ApiException.NotFound("no completed comparison run yet"));
        String code = region == null || region.isBlank() ? provinceCode : region;
        Statistics.RegionStatistic figures = statistics.of(runId, code)
                .orElseThrow(() -> new ApiException.NotFound("no statistics for region " + code + " in run " + runId));
        List<Statistics.RegionStatistic> below = "COUNTY".equals(figures.level()) ? List.of()
                : statistics.below(runId, code);
        return new StatisticsResponse(runId, figures, below);
    }
}
