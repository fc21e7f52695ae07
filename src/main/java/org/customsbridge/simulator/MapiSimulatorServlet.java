package org.customsbridge.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.customsbridge.mapi.MapiApi;
import org.customsbridge.signing.MapiSignature;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the MAPI gateway ({@code /gateway.do}, form POST or GET) on the application's own HTTP port,
 * misbehaving where {@code customs.simulator.rules} says so (for declare calls).
 */
@RestController
@ConditionalOnProperty(name = "customs.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class MapiSimulatorController {

    private final MapiSandbox sandbox;
    private final SimulatorSettings settings;
    private final SimulatorRules rules;
    private final SimulatorJournal journal;

    public MapiSimulatorController(MapiSandbox sandbox, SimulatorSettings settings, SimulatorRules rules,
                                   SimulatorJournal journal) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.rules = rules;
        this.journal = journal;
    }

    @RequestMapping(path = MapiApi.GATEWAY_PATH, method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<byte[]> call(@RequestParam Map<String, String> params) throws InterruptedException {
        SimulatorDelays.sleep(settings.latency());
        String id = MapiApi.DECLARE_SERVICE.equals(params.get(MapiApi.SERVICE)) ? params.get(MapiApi.OUT_REQUEST_NO) : null;
        String fault = id == null ? "" : rules.declareFault(id).orElse("");
        if (fault.equals("http-500") || fault.equals("U") || fault.startsWith("F:")) {
            // MAPI knows no result status U: a transient gateway error (SYSTEM_ERROR) stands for it
            String code = fault.equals("http-500") ? "HTTP_500" : fault.equals("U") ? "SYSTEM_ERROR" : fault.substring(2);
            journal.add(new SimulatorJournal.Entry(journal.now(), "mapi.declare", id, MapiSignature.preSign(params),
                    code));
            if (fault.equals("http-500")) {
                return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .body("simulated server error".getBytes(StandardCharsets.UTF_8));
            }
            return xml(MapiAnswerWriter.gatewayError(code));
        }
        if (fault.equals("timeout")) {
            SimulatorDelays.sleep(settings.timeoutDelay());
        }
        String answer = sandbox.handle(params);
        if (fault.equals("malformed")) {
            answer = answer.substring(0, answer.length() / 2);
        } else if (fault.equals("bad-signature")) {
            answer = answer.replaceFirst("<sign>[^<]{8}", "<sign>AAAAAAAA");
        }
        return xml(answer);
    }

    private static ResponseEntity<byte[]> xml(String answer) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, MapiApi.CONTENT_TYPE_XML)
                .body(answer.getBytes(StandardCharsets.UTF_8));
    }
}
