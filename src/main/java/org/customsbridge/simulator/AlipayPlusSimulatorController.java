package org.customsbridge.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.customsbridge.alipayplus.AlipayPlusApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Serves the Alipay+ customs operations on the application's own HTTP port. */
@RestController
@ConditionalOnProperty(name = "customs.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class AlipayPlusSimulatorController {

    private final AlipayPlusSandbox sandbox;
    private final Duration latency;

    public AlipayPlusSimulatorController(AlipayPlusSandbox sandbox, SimulatorSettings settings) {
        this.sandbox = sandbox;
        this.latency = settings.latency();
    }

    @PostMapping(path = {AlipayPlusApi.DECLARE_PATH, AlipayPlusApi.INQUIRE_PATH})
    public ResponseEntity<byte[]> call(
            jakarta.servlet.http.HttpServletRequest request,
            @RequestHeader(name = AlipayPlusApi.CLIENT_ID, required = false) String clientId,
            @RequestHeader(name = AlipayPlusApi.REQUEST_TIME, required = false) String requestTime,
            @RequestHeader(name = AlipayPlusApi.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
        AlipayPlusSandbox.Answer answer = sandbox.handle(request.getRequestURI(), clientId, requestTime, signature,
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
        HttpHeaders headers = new HttpHeaders();
        answer.headers().forEach(headers::set);
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        return ResponseEntity.ok().headers(headers).body(answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
