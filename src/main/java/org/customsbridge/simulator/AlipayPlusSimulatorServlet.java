package org.customsbridge.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.customsbridge.alipayplus.AlipayPlusApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the Alipay+ customs operations on the application's own HTTP port, misbehaving where
 * {@code customs.simulator.rules} says so (for declare calls).
 */
@RestController
@ConditionalOnProperty(name = "customs.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class AlipayPlusSimulatorController {

    private final AlipayPlusSandbox sandbox;
    private final SimulatorSettings settings;
    private final SimulatorRules rules;
    private final SimulatorJournal journal;
    private final ObjectMapper mapper;

    public AlipayPlusSimulatorController(AlipayPlusSandbox sandbox, SimulatorSettings settings, SimulatorRules rules,
                                         SimulatorJournal journal, ObjectMapper mapper) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.rules = rules;
        this.journal = journal;
        this.mapper = mapper;
    }

    @PostMapping(path = {AlipayPlusApi.DECLARE_PATH, AlipayPlusApi.INQUIRE_PATH})
    public ResponseEntity<byte[]> call(
            HttpServletRequest request,
            @RequestHeader(name = AlipayPlusApi.CLIENT_ID, required = false) String clientId,
            @RequestHeader(name = AlipayPlusApi.REQUEST_TIME, required = false) String requestTime,
            @RequestHeader(name = AlipayPlusApi.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] bytes) throws InterruptedException {
        SimulatorDelays.sleep(settings.latency());
        String path = request.getRequestURI();
        String body = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        String id = AlipayPlusApi.DECLARE_PATH.equals(path) ? declarationRequestId(body) : null;
        String fault = Optional.ofNullable(id).flatMap(rules::declareFault).orElse("");
        if (fault.equals("http-500") || fault.equals("U") || fault.startsWith("F:")) {
            String code = fault.equals("http-500") ? "HTTP_500" : fault.equals("U") ? "UNKNOWN_EXCEPTION" : fault.substring(2);
            journal.add(new SimulatorJournal.Entry(journal.now(), "alipay-plus.declare", id, body, code));
            if (fault.equals("http-500")) {
                return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .body("simulated server error".getBytes(StandardCharsets.UTF_8));
            }
            return respond(sandbox.signedResult(path, fault.equals("U") ? "U" : "F", code, "simulated by a rule"), fault);
        }
        if (fault.equals("timeout")) {
            SimulatorDelays.sleep(settings.timeoutDelay());
        }
        return respond(sandbox.handle(path, clientId, requestTime, signature, body), fault);
    }

    private ResponseEntity<byte[]> respond(AlipayPlusSandbox.Answer answer, String fault) {
        HttpHeaders headers = new HttpHeaders();
        answer.headers().forEach(headers::set);
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        String body = answer.body();
        if (fault.equals("malformed")) {
            body = body.substring(0, body.length() / 2);
        } else if (fault.equals("bad-signature")) {
            headers.set(AlipayPlusApi.SIGNATURE, headers.getFirst(AlipayPlusApi.SIGNATURE)
                    .replaceFirst("signature=.{8}", "signature=AAAAAAAA"));
        }
        return ResponseEntity.ok().headers(headers).body(body.getBytes(StandardCharsets.UTF_8));
    }

    private String declarationRequestId(String body) {
        try {
            return mapper.readTree(body).path("customsDeclarationRequestId").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
