package org.customsbridge.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.customsbridge.mapi.MapiApi;
import org.customsbridge.signing.MapiSignature;

/**
 * Serves the MAPI gateway ({@code /gateway.do}, form POST or GET) on the application's own HTTP port,
 * misbehaving where {@code customs.simulator.rules} says so (for declare calls). A plain servlet, as
 * {@link AlipayPlusSimulatorServlet} is.
 */
public class MapiSimulatorServlet extends HttpServlet {

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
        if (!SimulatorDelays.pause(settings.latency())) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        Map<String, String> params = parameters(request);
        String id = MapiApi.DECLARE_SERVICE.equals(params.get(MapiApi.SERVICE)) ? params.get(MapiApi.OUT_REQUEST_NO) : null;
        String fault = id == null ? "" : rules.declareFault(id).orElse("");
        if (fault.equals("http-500") || fault.equals("U") || fault.startsWith("F:")) {
            // MAPI knows no result status U: a transient gateway error (SYSTEM_ERROR) stands for it
            String code = fault.equals("http-500") ? "HTTP_500" : fault.equals("U") ? "SYSTEM_ERROR" : fault.substring(2);
            journal.add(new SimulatorJournal.Entry(journal.now(), "mapi.declare", id, MapiSignature.preSign(params),
                    code));
            if (fault.equals("http-500")) {
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.getOutputStream().write("simulated server error".getBytes(StandardCharsets.UTF_8));
                return;
            }
            xml(response, MapiAnswerWriter.gatewayError(code));
            return;
        }
        if (fault.equals("timeout") && !SimulatorDelays.pause(settings.timeoutDelay())) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        String answer = sandbox.handle(params);
        if (fault.equals("malformed")) {
            answer = answer.substring(0, answer.length() / 2);
        } else if (fault.equals("bad-signature")) {
            answer = answer.replaceFirst("<sign>[^<]{8}", "<sign>AAAAAAAA");
        }
        xml(response, answer);
    }

    /** The form or query parameters, decoded as UTF-8; of a repeated name the first value, as a gateway reads it. */
    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return params;
    }

    private static void xml(HttpServletResponse response, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        response.setContentType(MapiApi.CONTENT_TYPE_XML);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
