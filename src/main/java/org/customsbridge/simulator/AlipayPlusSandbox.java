package org.customsbridge.simulator;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.customsbridge.alipayplus.AlipayPlusApi;
import org.customsbridge.signing.AlipayPlusSignature;
import org.customsbridge.signing.SignatureHeader;

/**
 * The Alipay+ side of the simulator, as plain Java: checks a request the way Alipay+ documents it
 * (signature, client, fields, idempotency, retransmission rules) and returns a signed answer.
 */
public class AlipayPlusSandbox {

    /** The AlipayCN wallet's registration id at customs, the same for all four customs codes Alipay+ lists. */
    static final String PSP_CUSTOMS_CODE = "31222699S7";
    private static final Duration RETRANSMISSION_WAIT = Duration.ofMinutes(5);
    /** Fields a retransmission may change, by Alipay+'s retransmission rule. */
    private static final Set<String> CHANGEABLE = Set.of("customs.customsCode", "merchantCustomsInfo.merchantCustomsCode",
            "merchantCustomsInfo.merchantCustomsName", "declarationAmount.value");

    /** An answer: HTTP headers and the exact body they sign. */
    public record Answer(Map<String, String> headers, String body) {
    }

    private final ObjectMapper mapper;
    private final String clientId;
    private final PublicKey merchantPublicKey;
    private final PrivateKey alipayPrivateKey;
    private final SimulatedDeclarations declarations;
    private final SimulatorJournal journal;
    private final String unknownPaymentPrefix;

    public AlipayPlusSandbox(ObjectMapper mapper, String clientId, PublicKey merchantPublicKey,
                             PrivateKey alipayPrivateKey, SimulatedDeclarations declarations,
                             SimulatorJournal journal, String unknownPaymentPrefix) {
        this.mapper = mapper;
        this.clientId = clientId;
        this.merchantPublicKey = merchantPublicKey;
        this.alipayPrivateKey = alipayPrivateKey;
        this.declarations = declarations;
        this.journal = journal;
        this.unknownPaymentPrefix = unknownPaymentPrefix;
    }

    public Answer handle(String path, String requestClientId, String requestTime, String signatureHeader, String body) {
        String operation = switch (path) {
            case AlipayPlusApi.DECLARE_PATH -> "alipay-plus.declare";
            case AlipayPlusApi.INQUIRE_PATH -> "alipay-plus.inquire";
            default -> "alipay-plus.unknown";
        };
        ObjectNode answer;
        String ids = "";
        Optional<SignatureHeader> signature = SignatureHeader.parse(signatureHeader);
        if (requestClientId == null || requestTime == null || signature.isEmpty()) {
            answer = result("F", "PARAM_ILLEGAL", "Client-Id, Request-Time and Signature headers are required");
        } else if (!clientId.equals(requestClientId)) {
            answer = result("F", "INVALID_CLIENT", "The client is invalid.");
        } else if (!SignatureHeader.RSA256.equals(signature.get().algorithm())
                || !AlipayPlusSignature.verify("POST", path, requestClientId, requestTime, body,
                        signature.get().signature(), merchantPublicKey)) {
            answer = result("F", "INVALID_SIGNATURE", "The signature is invalid.");
        } else {
            JsonNode request;
            try {
                request = mapper.readTree(body);
            } catch (Exception e) {
                request = null;
            }
            if (request == null || !request.isObject()) {
                answer = result("F", "PARAM_ILLEGAL", "Illegal parameters: the body is not a JSON object");
            } else if (AlipayPlusApi.DECLARE_PATH.equals(path)) {
                ids = request.path("customsDeclarationRequestId").asText("");
                answer = declare(request);
            } else if (AlipayPlusApi.INQUIRE_PATH.equals(path)) {
                ids = request.path("declarationRequestIds").toString();
                answer = inquire(request);
            } else {
                answer = result("F", "NO_INTERFACE_DEF", "API is not defined.");
            }
        }
        journal.add(new SimulatorJournal.Entry(declarations.now(), operation, ids, body,
                answer.path("result").path("resultCode").asText()));
        return signed(path, answer);
    }

    private ObjectNode declare(JsonNode request) {
        Map<String, String> fields = flatten(request);
        String problem = declareProblem(fields);
        if (problem != null) {
            return result("F", "PARAM_ILLEGAL", "Illegal parameters: " + problem);
        }
        String requestId = fields.get("customsDeclarationRequestId");
        return declarations.oneAtATime(SimulatedDeclarations.ALIPAY_PLUS, requestId, () -> declare(requestId, fields));
    }

    private ObjectNode declare(String requestId, Map<String, String> fields) {
        String paymentId = fields.get("paymentRequestId");
        if (paymentId.startsWith(unknownPaymentPrefix)) {
            return result("F", "ORDER_NOT_EXIST", "The order doesn't exist.");
        }
        boolean split = "true".equals(fields.get("isSplit"));
        String orderId = split ? fields.get("referenceOrderId") : paymentId;
        Instant now = declarations.now();
        Optional<SimulatedDeclarations.Stored> existing = declarations.find(requestId);
        if (existing.isEmpty()) {
            if (declarations.sameOrderElsewhere(requestId, orderId, fields.get("customs.customsCode")).isPresent()) {
                return result("F", "DUPLICATED_DECLARATION", "An order can only be declared once at the same customs.");
            }
            return accepted(save(fields, declarations.nextDeclarationId(), "PSP" + paymentId, now, now));
        }
        SimulatedDeclarations.Stored stored = existing.get();
        List<String> changed = changedFields(stored.fields(), fields);
        if (changed.isEmpty()) {
            return accepted(stored);
        }
        boolean waited = !now.isBefore(stored.lastCallAt().plus(RETRANSMISSION_WAIT));
        if (!waited || !CHANGEABLE.containsAll(changed)) {
            return result("F", "REPEAT_REQ_INCONSISTENT", "Repeated requests are inconsistent.");
        }
        return accepted(save(fields, stored.alipayDeclarationId(), stored.alipayPaymentId(), now, now));
    }

    private ObjectNode inquire(JsonNode request) {
        JsonNode ids = request.path("declarationRequestIds");
        if (!ids.isArray() || ids.isEmpty()) {
            return result("F", "PARAM_ILLEGAL", "Illegal parameters: declarationRequestIds is required");
        }
        if (ids.size() > 10) {
            return result("F", "COUNT_OF_REQUEST_EXCEED_LIMIT",
                    "For each inquiry, only up to 10 declaration request IDs can be used.");
        }
        ObjectNode answer = result("S", "SUCCESS", "Success");
        ArrayNode notFound = mapper.createArrayNode();
        ArrayNode records = mapper.createArrayNode();
        for (JsonNode id : ids) {
            Optional<SimulatedDeclarations.Stored> stored = declarations.find(id.asText());
            if (stored.isEmpty()) {
                notFound.add(id.asText());
            } else {
                records.add(record(stored.get()));
            }
        }
        if (!notFound.isEmpty()) {
            answer.set("declarationRequestsNotFound", notFound);
        }
        answer.set("declarationRecords", records);
        return answer;
    }

    private ObjectNode record(SimulatedDeclarations.Stored stored) {
        ObjectNode record = mapper.createObjectNode();
        record.put("customsDeclarationRequestId", stored.requestId());
        record.put("pspDeclarationRequestId", stored.alipayDeclarationId());
        record.put("pspPaymentId", stored.alipayPaymentId());
        record.putObject("customs").put("customsCode", stored.customsCode()).put("region", "CN");
        record.putObject("merchantCustomsInfo").put("merchantCustomsCode", stored.merchantCustomsCode())
                .put("merchantCustomsName", stored.merchantCustomsName());
        record.putObject("declarationAmount").put("currency", "CNY").put("value", stored.amount());
        record.put("isSplit", Boolean.toString(stored.split()));
        if (stored.split()) {
            record.put("referenceOrderId", stored.subOrderId());
        }
        record.put("modifiedTime", iso(stored.lastCallAt()));
        if (declarations.customsAnswered(stored)) {
            record.put("declarationRequestStatus", "SUCCESS");
            record.put("customsResultCode", declarations.customsReceiptCode(stored));
            record.put("customsResultDescription", declarations.customsReceiptText(stored));
            record.put("customsResultReturnedTime", iso(declarations.customsAnsweredAt(stored)));
        } else {
            // customs has not answered yet: no receipt code
            record.put("declarationRequestStatus", "WAITING_FOR_PROCESSING");
        }
        return record;
    }

    private SimulatedDeclarations.Stored save(Map<String, String> fields, String declarationId, String pspPaymentId,
                                              Instant declaredAt, Instant lastCallAt) {
        SimulatedDeclarations.Stored stored = new SimulatedDeclarations.Stored(
                fields.get("customsDeclarationRequestId"), fields.get("paymentRequestId"),
                fields.get("customs.customsCode"), fields.get("merchantCustomsInfo.merchantCustomsCode"),
                fields.get("merchantCustomsInfo.merchantCustomsName"), fields.get("declarationAmount.value"),
                "true".equals(fields.get("isSplit")), fields.get("referenceOrderId"), fields, declarationId,
                pspPaymentId, declaredAt, lastCallAt);
        declarations.save(stored);
        return stored;
    }

    private ObjectNode accepted(SimulatedDeclarations.Stored stored) {
        ObjectNode answer = result("S", "SUCCESS", "Success");
        answer.put("pspPaymentId", stored.alipayPaymentId());
        answer.put("pspDeclarationRequestId", stored.alipayDeclarationId());
        answer.put("pspCustomsCode", PSP_CUSTOMS_CODE);
        answer.put("clearingChannel", "NUCC");
        answer.put("clearingTransactionId", "CLR" + stored.alipayDeclarationId());
        answer.putObject("pspOrderAmount").put("currency", "CNY").put("value", stored.amount());
        if (stored.fields().containsKey("buyerCertificate.certificateNo")) {
            answer.put("identityCheckResult", "CHECK_PASSED");
        }
        return answer;
    }

    /** The first documented rule a declare body breaks, or {@code null}. */
    private static String declareProblem(Map<String, String> fields) {
        for (String required : List.of("paymentRequestId", "customsDeclarationRequestId", "customs.customsCode",
                "customs.region", "merchantCustomsInfo.merchantCustomsCode", "merchantCustomsInfo.merchantCustomsName",
                "declarationAmount.currency", "declarationAmount.value", "isSplit")) {
            String value = fields.get(required);
            if (value == null || value.isEmpty()) {
                return required + " is required";
            }
        }
        if (fields.get("paymentRequestId").length() > 64 || fields.get("customsDeclarationRequestId").length() > 64) {
            return "ids are at most 64 characters";
        }
        if (!"CN".equals(fields.get("customs.region"))) {
            return "customs.region must be CN";
        }
        if (!"CNY".equals(fields.get("declarationAmount.currency"))) {
            return "declarationAmount.currency must be CNY";
        }
        try {
            if (new BigInteger(fields.get("declarationAmount.value")).signum() <= 0) {
                return "declarationAmount.value must be positive";
            }
        } catch (NumberFormatException e) {
            return "declarationAmount.value must be an integer amount in fen";
        }
        String isSplit = fields.get("isSplit");
        if (!"true".equals(isSplit) && !"false".equals(isSplit)) {
            return "isSplit must be \"true\" or \"false\"";
        }
        if ("true".equals(isSplit) && (fields.get("referenceOrderId") == null || fields.get("referenceOrderId").isEmpty())) {
            return "referenceOrderId is required when isSplit is true";
        }
        return null;
    }

    private static List<String> changedFields(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!java.util.Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** {@code a.b.c -> text} for every scalar; JSON nulls are absent, as the docs allow. */
    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), flat));
        } else if (!node.isNull()) {
            flat.put(prefix.substring(0, prefix.length() - 1), node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** A signed answer with only a result, as a misbehaving Alipay+ would send (simulator rules). */
    public Answer signedResult(String path, String status, String code, String message) {
        return signed(path, result(status, code, message));
    }

    private ObjectNode result(String status, String code, String message) {
        ObjectNode answer = mapper.createObjectNode();
        answer.putObject("result").put("resultStatus", status).put("resultCode", code).put("resultMessage", message);
        return answer;
    }

    private Answer signed(String path, ObjectNode answer) {
        String body = answer.toString();
        String responseTime = iso(declarations.now());
        String signature = AlipayPlusSignature.sign("POST", path, clientId, responseTime, body, alipayPrivateKey);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(AlipayPlusApi.CLIENT_ID, clientId);
        headers.put(AlipayPlusApi.RESPONSE_TIME, responseTime);
        headers.put(AlipayPlusApi.SIGNATURE, new SignatureHeader(SignatureHeader.RSA256, "1", signature).format());
        return new Answer(headers, body);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
