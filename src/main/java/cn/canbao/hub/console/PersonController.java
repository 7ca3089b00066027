package cn.canbao.hub.console;

import cn.canbao.hub.compare.ComparisonResults;
import cn.canbao.hub.national.NationalStatus;
import cn.canbao.hub.registry.PersonHistory;
import cn.canbao.hub.registry.QuarantineCleanup;
import cn.canbao.hub.standard.IdNumberCheck;
import cn.canbao.hub.standard.IdentityNumbers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One person: the merged view with the source of each field, the conflicts between sources, every record any
 * source sent, the current category with its reasons and the categories of earlier runs, and what the surveys found
 * (results, pending enrolments, verification items) and the latest national answer (now, whatever {@code knownAt}
 * says of either). With {@code knownAt} the
 * rest is what the registry knew at the end of that day (province time).
 */
@RestController
@RequestMapping("/api/v1/persons")
public class PersonController {

    public record PersonResponse(String idNumber, LocalDate knownAt, PersonHistory.MergedPerson merged,
                                 List<PersonHistory.Conflict> conflicts, ComparisonResults.Result classification,
                                 List<ComparisonResults.Result> history, List<PersonHistory.SourceRecord> records,
                                 List<QuarantineCleanup.Candidate> confirmedQuarantinedRecords,
                                 SurveyFindings.OfPerson survey, NationalStatus.Answer national) {
    }

    private final PersonHistory persons;
    private final ComparisonResults results;
    private final QuarantineCleanup cleanup;
    private final SurveyFindings surveys;
    private final NationalStatus national;
    private final ZoneId zone;

    public PersonController(PersonHistory persons, ComparisonResults results, QuarantineCleanup cleanup,
                            SurveyFindings surveys, NationalStatus national,
                            @Value("${canbao.time-zone}") String timeZone) {
        this.persons = persons;
        this.results = results;
        this.cleanup = cleanup;
        this.surveys = surveys;
        this.national = national;
        this.zone = ZoneId.of(timeZone);
    }

    @GetMapping("/{idNumber}")
    public PersonResponse person(@PathVariable String idNumber,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate knownAt) {
        IdNumberCheck check = IdentityNumbers.standard().check(idNumber);
        if (!check.ok()) {
            throw new ApiException.BadRequest("not a valid identity number: " + check.message());
        }
        String id = check.idNumber();
        SurveyFindings.OfPerson survey = surveys.of(id);
        PersonResponse response;
        if (knownAt == null) {
            List<ComparisonResults.Result> history = results.history(id);
            response = new PersonResponse(id, null, persons.merged(id).orElse(null), persons.conflicts(id),
                    history.isEmpty() ? null : history.get(0), history, persons.records(id, null),
                    cleanup.confirmedFor(id), survey, national.answerOf(id).orElse(null));
        } else {
            OffsetDateTime cutoff = knownAt.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
            List<ComparisonResults.Result> history = results.history(id).stream()
                    .filter(result -> !result.asOf().isAfter(knownAt)).toList();
            response = new PersonResponse(id, knownAt, persons.mergedBefore(id, cutoff).orElse(null),
                    persons.conflictsBefore(id, cutoff), history.isEmpty() ? null : history.get(0), history,
                    persons.records(id, cutoff), List.of(), survey, national.answerOf(id).orElse(null));
        }
        // a person only a survey team knows is shown now, not as the registry knew them at a past date
        boolean known = response.merged() != null || !response.records().isEmpty()
                || knownAt == null && !survey.results().isEmpty();
        if (!known) {
            throw new ApiException.NotFound("the registry knows no person with this identity number");
        }
        return response;
    }
}
