package cn.canbao.hub.console;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' register of survey clients (docs/survey.md): register one for its regions (201, with its secret,
 * shown this once), list them, disable one. A client is disabled, never deleted: the results it posted keep naming
 * it, and its id is not given out again.
 */
@RestController
@RequestMapping("/api/v1/survey-clients")
public class SurveyClientController {

    /** The body of a registration: the client's id and its counties (6 digits) and townships (9 digits). */
    public record Registration(String clientId, List<String> regions) {
    }

    private final SurveyClients clients;

    public SurveyClientController(SurveyClients clients) {
        this.clients = clients;
    }

    @PostMapping
    public ResponseEntity<SurveyClients.Registered> register(@RequestBody Registration registration,
                                                             Principal operator) {
        SurveyClients.Registered registered = clients.register(registration.clientId(), registration.regions(),
                operator.getName());
        return ResponseEntity.created(URI.create("/api/v1/survey-clients/" + registered.clientId())).body(registered);
    }

    @GetMapping
    public List<SurveyClients.Client> list() {
        return clients.list();
    }

    @GetMapping("/{clientId}")
    public SurveyClients.Client client(@PathVariable String clientId) {
        return clients.find(clientId).orElseThrow(() -> unknown(clientId));
    }

    /** From the next request on, the client's requests answer 401; disabling it again changes nothing. */
    @PostMapping("/{clientId}/disable")
    public SurveyClients.Client disable(@PathVariable String clientId, Principal operator) {
        return clients.disable(clientId, operator.getName()).orElseThrow(() -> unknown(clientId));
    }

    private static ApiException unknown(String clientId) {
        return new ApiException.NotFound("no survey client '" + clientId + "'");
    }
}
