package org.customsbridge.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.customsbridge.mapi.MapiApi;
import org.customsbridge.signing.MapiSignature;

/**
 * Serves the MAPI gateway ({@code /gateway.do}, form POST or GET) on the application's own HTTP port,
 * misbehaving where {@code customs.simulator.rules} says so (for declare calls).
 */
public class MapiSimulatorServlet extends SandboxServlet {

    private final transient MapiSandbox sandbox;
    private final transient SimulatorSettings settings;
    private final transient SimulatorRules rules;
    private final transient SimulatorJournal journal;

    public MapiSimulatorServlet(MapiSandbox sandbox, SimulatorSettings settings, SimulatorRules rules,
                                SimulatorJournal journal) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.rules = rules;
        this.journal = journal;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doPost(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!waited(settings.latency(), response)) {
            return;
        }
        Map<String, String> params = parameters(request);
        String id = MapiApi.DECLARE_SERVICE.equals(params.get(MapiApi.SERVICE)) ? params.get(MapiApi.OUT_REQUEST_NO) : null;
        DeclareFault fault = rules.declareFaultOf(id);
        if (fault.answersAtOnce()) {
            // MAPI knows no result status U: a transient gateway error (SYSTEM_ERROR) stands for it
            String code = fault.code("SYSTEM_ERROR");
            journal.add(new SimulatorJournal.Entry(journal.now(), "mapi.declare", id, MapiSignature.preSign(params),
                    code));
            if (fault.serverError()) {
                simulatedServerError(response);
                return;
            }
            answer(response, MapiApi.CONTENT_TYPE_XML, MapiAnswerWriter.gatewayError(code));
            return;
        }
        if (fault.timeout() && !waited(settings.timeoutDelay(), response)) {
            return;
        }
        String answer = fault.body(sandbox.handle(params));
        if (fault.badSignature()) {
            answer = answer.replaceFirst("<sign>[^<]{8}", "<sign>AAAAAAAA");
        }
        answer(response, MapiApi.CONTENT_TYPE_XML, answer);
    }

    /** The form or query parameters, decoded as UTF-8; of a repeated name the first value, as a gateway reads it. */
    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return params;
    }
}
