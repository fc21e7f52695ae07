package org.customsbridge.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.customsbridge.mapi.MapiApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves the MAPI gateway ({@code /gateway.do}, form POST or GET) on the application's own HTTP port. */
@RestController
@ConditionalOnProperty(name = "customs.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class MapiSimulatorController {

    private final MapiSandbox sandbox;
    private final Duration latency;

    public MapiSimulatorController(MapiSandbox sandbox, SimulatorSettings settings) {
        this.sandbox = sandbox;
        this.latency = settings.latency();
    }

    @RequestMapping(path = MapiApi.GATEWAY_PATH, method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<byte[]> call(@RequestParam Map<String, String> params) throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
        String answer = sandbox.handle(params);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, MapiApi.CONTENT_TYPE_XML)
                .body(answer.getBytes(StandardCharsets.UTF_8));
    }
}
