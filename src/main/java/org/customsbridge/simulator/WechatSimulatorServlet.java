package org.customsbridge.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.customsbridge.wechat.WechatApi;

/**
 * Serves WeChat Pay's customs calls (XML POST) on the application's own HTTP port, misbehaving where
 * {@code customs.simulator.rules} says so (for declare calls, by {@code out_trade_no} prefix).
 */
public class WechatSimulatorServlet extends SandboxServlet {

    public static final List<String> PATHS = List.of(WechatApi.DECLARE_PATH, WechatApi.QUERY_PATH,
            WechatApi.REDECLARE_PATH);

    private final transient WechatSandbox sandbox;
    private final transient SimulatorSettings settings;
    private final transient SimulatorRules rules;
    private final transient SimulatorJournal journal;

    public WechatSimulatorServlet(WechatSandbox sandbox, SimulatorSettings settings, SimulatorRules rules,
                                  SimulatorJournal journal) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.rules = rules;
        this.journal = journal;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!waited(settings.latency(), response)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String id = WechatApi.DECLARE_PATH.equals(path) ? WechatSandbox.orderNo(body) : null;
        DeclareFault fault = rules.declareFaultOf(id);
        if (fault.answersAtOnce()) {
            // WeChat knows no result U: its transient error (SYSTEMERROR) stands for it
            String code = fault.code("SYSTEMERROR");
            journal.add(new SimulatorJournal.Entry(journal.now(), "wechat.declare", id, null, code));
            if (fault.serverError()) {
                simulatedServerError(response);
                return;
            }
            answer(response, WechatApi.CONTENT_TYPE_XML, sandbox.failure(code, "simulated " + code));
            return;
        }
        if (fault.timeout() && !waited(settings.timeoutDelay(), response)) {
            return;
        }
        String answer = fault.body(sandbox.handle(path, body));
        if (fault.badSignature()) {
            answer = answer.replaceFirst("<sign><!\\[CDATA\\[[^\\]]{8}", "<sign><![CDATA[AAAAAAAA");
        }
        answer(response, WechatApi.CONTENT_TYPE_XML, answer);
    }
}
