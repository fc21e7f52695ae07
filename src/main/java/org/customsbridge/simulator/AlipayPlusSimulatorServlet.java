package org.customsbridge.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.customsbridge.alipayplus.AlipayPlusApi;

/**
 * Serves the Alipay+ customs operations (POST {@link AlipayPlusApi#DECLARE_PATH} and
 * {@link AlipayPlusApi#INQUIRE_PATH}) on the application's own HTTP port, misbehaving where
 * {@code customs.simulator.rules} says so (for declare calls).
 */
public class AlipayPlusSimulatorServlet extends SandboxServlet {

    /** The paths it serves. */
    public static final List<String> PATHS = List.of(AlipayPlusApi.DECLARE_PATH, AlipayPlusApi.INQUIRE_PATH);

    private static final String JSON = "application/json;charset=UTF-8";

    private final transient AlipayPlusSandbox sandbox;
    private final transient SimulatorSettings settings;
    private final transient SimulatorRules rules;
    private final transient SimulatorJournal journal;
    private final transient ObjectMapper mapper;

    public AlipayPlusSimulatorServlet(AlipayPlusSandbox sandbox, SimulatorSettings settings, SimulatorRules rules,
                                      SimulatorJournal journal, ObjectMapper mapper) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.rules = rules;
        this.journal = journal;
        this.mapper = mapper;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!waited(settings.latency(), response)) {
            return;
        }
        String path = request.getRequestURI();
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String id = AlipayPlusApi.DECLARE_PATH.equals(path) ? declarationRequestId(body) : null;
        DeclareFault fault = rules.declareFaultOf(id);
        if (fault.answersAtOnce()) {
            String code = fault.code("UNKNOWN_EXCEPTION");
            journal.add(new SimulatorJournal.Entry(journal.now(), "alipay-plus.declare", id, body, code));
            if (fault.serverError()) {
                simulatedServerError(response);
                return;
            }
            respond(response, sandbox.signedResult(path, fault.unknownResult() ? "U" : "F", code, "simulated by a rule"),
                    fault);
            return;
        }
        if (fault.timeout() && !waited(settings.timeoutDelay(), response)) {
            return;
        }
        respond(response, sandbox.handle(path, request.getHeader(AlipayPlusApi.CLIENT_ID),
                request.getHeader(AlipayPlusApi.REQUEST_TIME), request.getHeader(AlipayPlusApi.SIGNATURE), body), fault);
    }

    private static void respond(HttpServletResponse response, AlipayPlusSandbox.Answer answer, DeclareFault fault)
            throws IOException {
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            String value = header.getValue();
            if (fault.badSignature() && header.getKey().equalsIgnoreCase(AlipayPlusApi.SIGNATURE)) {
                value = value.replaceFirst("signature=.{8}", "signature=AAAAAAAA");
            }
            response.setHeader(header.getKey(), value);
        }
        answer(response, JSON, fault.body(answer.body()));
    }

    private String declarationRequestId(String body) {
        try {
            return mapper.readTree(body).path("customsDeclarationRequestId").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
