package org.customsbridge.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.tracking.CustomsAnswer;

/**
 * Each enabled gateway answers a signed, harmless call: a tracking query for an id that no
 * declaration has. It goes through the gateway's own query route ({@code direct:inquire-<gateway>}),
 * so the request is signed, sent and its answer verified exactly as tracking does; a gateway that
 * answers with a verified "not found" has the right endpoint, account and keys in both directions.
 */
public class GatewayCheck implements PreflightCheck {

    /** The made-up id's prefix: 6-32 characters the id rules of every gateway accept. */
    static final String PROBE_PREFIX = "PREFLIGHT-";

    private final CamelContext camel;
    private final List<String> gateways;
    private final List<GatewaySettingsHints> hints;
    private final String batchIdsProperty;

    /**
     * @param batchIdsProperty the exchange property a query route reads its ids from
     */
    public GatewayCheck(CamelContext camel, List<String> gateways, List<GatewaySettingsHints> hints,
                        String batchIdsProperty) {
        this.camel = camel;
        this.gateways = gateways;
        this.hints = hints;
        this.batchIdsProperty = batchIdsProperty;
    }

    @Override
    public List<PreflightResult> check() {
        List<PreflightResult> results = new ArrayList<>();
        for (String gateway : gateways) {
            results.add(check(gateway, hintsFor(gateway)));
        }
        return results;
    }

    private PreflightResult check(String gateway, GatewaySettingsHints hints) {
        String part = "gateway " + gateway;
        String probeId = PROBE_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String route = "inquire-" + gateway;
        try {
            camel.getRouteController().startRoute(route);
        } catch (Exception e) {
            return PreflightResult.failed(part, "its query route " + route + " cannot start: " + e.getMessage());
        }
        ProducerTemplate producer = camel.createProducerTemplate();
        try {
            Exchange answer = producer.send("direct:" + route, exchange -> exchange.setProperty(batchIdsProperty,
                    List.of(probeId)));
            if (answer.getException() != null) {
                return failed(part, hints, answer.getException());
            }
            List<?> answers = answer.getMessage().getBody(List.class);
            if (answers != null && answers.size() == 1 && answers.get(0) instanceof CustomsAnswer customs
                    && !customs.found()) {
                return PreflightResult.ok(part, "a signed query was answered and the answer's signature verified");
            }
            return PreflightResult.failed(part, "the signed query's answer verified, but says it knows the made-up id "
                    + probeId + ": check " + hints.endpointProperty() + " (is it the gateway it should be?)");
        } finally {
            try {
                producer.stop();
            } catch (Exception ignored) {
                // a template has nothing to release that matters for a one-off run
            }
        }
    }

    private static PreflightResult failed(String part, GatewaySettingsHints hints, Exception failure) {
        if (failure instanceof NoTrustedAnswerException untrusted) {
            String code = untrusted.code();
            if (hints.signatureRefusedCodes().contains(code)) {
                return PreflightResult.failed(part, "the gateway refused the request's signature (" + code
                        + "): check " + hints.requestSigningProperties());
            }
            if (hints.accountRefusedCodes().contains(code)) {
                return PreflightResult.failed(part, "the gateway does not know the account (" + code + "): check "
                        + hints.accountProperties());
            }
            if ("UNSIGNED_ANSWER".equals(code) || "UNTRUSTED_ANSWER".equals(code)) {
                return PreflightResult.failed(part, "the answer's signature does not verify (" + code + "): check "
                        + hints.answerVerifyingProperties());
            }
            if (code != null && code.startsWith("HTTP_")) {
                return PreflightResult.failed(part, "the gateway answered HTTP " + code.substring(5) + ": check "
                        + hints.endpointProperty());
            }
            return PreflightResult.failed(part, "the gateway refused the query (" + code + "): " + untrusted.getMessage());
        }
        return PreflightResult.failed(part, "no answer (" + rootMessage(failure) + "): check "
                + hints.endpointProperty());
    }

    private GatewaySettingsHints hintsFor(String gateway) {
        return hints.stream().filter(h -> h.gateway().equals(gateway)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no settings hints for gateway " + gateway));
    }

    /** The deepest message in the chain (where the failure was seen), or the failure's class when none has one. */
    static String rootMessage(Throwable failure) {
        Throwable described = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null) {
                described = cause;
            }
        }
        return described == null ? failure.getClass().getSimpleName()
                : described.getClass().getSimpleName() + ": " + described.getMessage();
    }
}
