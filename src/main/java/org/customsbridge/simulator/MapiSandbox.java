package org.customsbridge.simulator;

import java.math.BigDecimal;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.customsbridge.mapi.MapiApi;
import org.customsbridge.signing.MapiSignType;
import org.customsbridge.signing.MapiSignature;
import org.customsbridge.signing.MapiSigner;

/**
 * The MAPI side of the simulator ({@code gateway.do}), as plain Java: checks a call the way the
 * gateway documents it (partner, charset, sign type, signature, service), then runs
 * {@code alipay.acquire.customs} (fields, idempotency, retransmission rules) or
 * {@code alipay.overseas.acquire.customs.query}, and answers XML signed with the request's sign type.
 * Gateway refusals ({@code is_success=F}) are unsigned, as Alipay's are.
 */
public class MapiSandbox {

    /** Parameters a retransmission may change, as Alipay's help center lists them (as for Alipay+). */
    private static final Set<String> CHANGEABLE = Set.of(MapiApi.MERCHANT_CUSTOMS_CODE, MapiApi.MERCHANT_CUSTOMS_NAME,
            MapiApi.CUSTOMS_PLACE, MapiApi.AMOUNT);
    /** Parameters of the call rather than of the declaration. */
    private static final Set<String> PROTOCOL = Set.of(MapiApi.SERVICE, MapiApi.PARTNER, MapiApi.INPUT_CHARSET,
            MapiApi.SIGN, MapiApi.SIGN_TYPE);
    private static final Pattern YUAN = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]{1,2})?");
    /** The query's documented limit on {@code out_request_nos}. */
    private static final int MAX_OUT_REQUEST_NOS_LENGTH = 350;
    private static final String ILLEGAL_PARAMETERS = "Declaration Form Parameters Illegal";
    /** MAPI times are China local time. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter RETURN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** A business result: its {@code result_code} and the response written. */
    private record Result(String resultCode, MapiAnswerWriter response) {
    }

    private final String partner;
    private final Map<MapiSignType, MapiSigner> signers = new EnumMap<>(MapiSignType.class);
    private final SimulatedDeclarations declarations;
    private final SimulatorJournal journal;
    private final String unknownPaymentPrefix;

    /**
     * @param md5Key            the MD5 key shared with the merchant
     * @param merchantPublicKey verifies RSA and RSA2 requests
     * @param alipayPrivateKey  signs RSA and RSA2 answers
     */
    public MapiSandbox(String partner, String md5Key, PublicKey merchantPublicKey, PrivateKey alipayPrivateKey,
                       SimulatedDeclarations declarations, SimulatorJournal journal, String unknownPaymentPrefix) {
        this.partner = Objects.requireNonNull(partner, "partner");
        signers.put(MapiSignType.MD5, MapiSigner.md5(md5Key));
        signers.put(MapiSignType.RSA, MapiSigner.rsa(MapiSignType.RSA, alipayPrivateKey, merchantPublicKey));
        signers.put(MapiSignType.RSA2, MapiSigner.rsa(MapiSignType.RSA2, alipayPrivateKey, merchantPublicKey));
        this.declarations = declarations;
        this.journal = journal;
        this.unknownPaymentPrefix = unknownPaymentPrefix;
    }

    /** Answers one call's parameters (form or query string, already decoded) with the XML text to send. */
    public String handle(Map<String, String> params) {
        Map<String, String> request = new LinkedHashMap<>(params);
        String service = request.getOrDefault(MapiApi.SERVICE, "");
        String operation;
        String ids;
        if (MapiApi.DECLARE_SERVICE.equals(service)) {
            operation = "mapi.declare";
            ids = request.getOrDefault(MapiApi.OUT_REQUEST_NO, "");
        } else if (MapiApi.QUERY_SERVICE.equals(service)) {
            operation = "mapi.query";
            ids = request.getOrDefault(MapiApi.OUT_REQUEST_NOS, "");
        } else {
            operation = "mapi.unknown";
            ids = "";
        }
        String preSign = MapiSignature.preSign(request);
        String answer;
        String resultCode;
        String refusal = gatewayRefusal(request, service, preSign);
        if (refusal != null) {
            answer = MapiAnswerWriter.gatewayError(refusal);
            resultCode = refusal;
        } else {
            Result result = MapiApi.DECLARE_SERVICE.equals(service) ? declare(request) : query(request);
            MapiSignType type = MapiSignType.parse(request.get(MapiApi.SIGN_TYPE)).orElseThrow();
            answer = MapiAnswerWriter.answer(request, result.response().responseText(),
                    signers.get(type).signContent(result.response().signedContent()), type.name());
            resultCode = result.resultCode();
        }
        journal.add(new SimulatorJournal.Entry(declarations.now(), operation, ids, preSign, resultCode));
        return answer;
    }

    /** The gateway's error code for a call it refuses before any service runs, or {@code null}. */
    private String gatewayRefusal(Map<String, String> request, String service, String preSign) {
        if (!partner.equals(request.get(MapiApi.PARTNER))) {
            return "ILLEGAL_PARTNER";
        }
        if (!MapiApi.CHARSET.equalsIgnoreCase(request.get(MapiApi.INPUT_CHARSET))) {
            return "ILLEGAL_CHARSET";
        }
        Optional<MapiSignType> type = MapiSignType.parse(request.get(MapiApi.SIGN_TYPE));
        if (type.isEmpty()) {
            return "ILLEGAL_SIGN_TYPE";
        }
        if (!signers.get(type.get()).verify(preSign, request.get(MapiApi.SIGN))) {
            return "ILLEGAL_SIGN";
        }
        if (!MapiApi.DECLARE_SERVICE.equals(service) && !MapiApi.QUERY_SERVICE.equals(service)) {
            return "ILLEGAL_SERVICE";
        }
        return null;
    }

    // ------------------------------------------------------------------ alipay.acquire.customs

    private Result declare(Map<String, String> request) {
        Map<String, String> fields = SimulatedDeclarations.businessFields(request, PROTOCOL);
        String problem = declareProblem(fields);
        if (problem != null) {
            return failed("INVALID_PARAMETER", ILLEGAL_PARAMETERS + ": " + problem);
        }
        // canonical forms, so that "1.5" resent as "1.50", or is_split left out then sent as F, is no change
        fields.put(MapiApi.AMOUNT, new BigDecimal(fields.get(MapiApi.AMOUNT)).setScale(2).toPlainString());
        fields.putIfAbsent(MapiApi.IS_SPLIT, MapiApi.FALSE);
        String requestId = fields.get(MapiApi.OUT_REQUEST_NO);
        String tradeNo = fields.get(MapiApi.TRADE_NO);
        if (tradeNo.startsWith(unknownPaymentPrefix)) {
            return failed("TRADE_NOT_EXIST", "The trade does not exist");
        }
        return declarations.oneAtATime(SimulatedDeclarations.MAPI, requestId, () -> declare(requestId, tradeNo, fields));
    }

    private Result declare(String requestId, String tradeNo, Map<String, String> fields) {
        Instant now = declarations.now();
        Optional<SimulatedDeclarations.Stored> existing = declarations.find(SimulatedDeclarations.MAPI, requestId);
        if (existing.isEmpty()) {
            String declarationId = declarations.nextDeclarationId();
            // a split declaration pushes a payment document of its own to customs (the query's trade_no)
            String pushedTradeNo = MapiApi.TRUE.equals(fields.get(MapiApi.IS_SPLIT)) ? "P" + declarationId : tradeNo;
            return accepted(save(fields, declarationId, pushedTradeNo, now));
        }
        SimulatedDeclarations.Stored stored = existing.get();
        List<String> changed = SimulatedDeclarations.changedFields(stored.fields(), fields);
        if (changed.isEmpty()) {
            return accepted(stored);
        }
        if (!declarations.retransmissionAllowed(stored, changed, CHANGEABLE)) {
            return failed("CONTEXT_INCONSISTENT", "The request is inconsistent with the earlier one of this "
                    + "out_request_no (changed: " + String.join(", ", changed) + ")");
        }
        return accepted(save(fields, stored.alipayDeclarationId(), stored.alipayPaymentId(), now));
    }

    /** The first documented rule the declare parameters break, or {@code null}. */
    private static String declareProblem(Map<String, String> fields) {
        for (String required : List.of(MapiApi.OUT_REQUEST_NO, MapiApi.TRADE_NO, MapiApi.MERCHANT_CUSTOMS_CODE,
                MapiApi.MERCHANT_CUSTOMS_NAME, MapiApi.AMOUNT, MapiApi.CUSTOMS_PLACE)) {
            if (!fields.containsKey(required)) {
                return required + " is required";
            }
        }
        if (!MapiApi.OUT_REQUEST_NO_PATTERN.matcher(fields.get(MapiApi.OUT_REQUEST_NO)).matches()) {
            return "out_request_no must be 6-32 characters of [0-9A-Za-z_:-]";
        }
        for (Map.Entry<String, Integer> limit : List.of(Map.entry(MapiApi.TRADE_NO, 64),
                Map.entry(MapiApi.MERCHANT_CUSTOMS_CODE, 20), Map.entry(MapiApi.MERCHANT_CUSTOMS_NAME, 256),
                Map.entry(MapiApi.AMOUNT, 20), Map.entry(MapiApi.CUSTOMS_PLACE, 20),
                Map.entry(MapiApi.SUB_OUT_BIZ_NO, 32))) {
            String value = fields.get(limit.getKey());
            if (value != null && value.length() > limit.getValue()) {
                return limit.getKey() + " is longer than " + limit.getValue() + " characters";
            }
        }
        String amount = fields.get(MapiApi.AMOUNT);
        if (!YUAN.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) {
            return "amount must be a positive amount in yuan with at most 2 decimals";
        }
        String isSplit = fields.get(MapiApi.IS_SPLIT);
        if (isSplit != null && !MapiApi.TRUE.equals(isSplit) && !MapiApi.FALSE.equals(isSplit)) {
            return "is_split must be T or F";
        }
        if (MapiApi.TRUE.equals(isSplit) && !fields.containsKey(MapiApi.SUB_OUT_BIZ_NO)) {
            return "sub_out_biz_no is required when is_split is T";
        }
        return null;
    }

    private SimulatedDeclarations.Stored save(Map<String, String> fields, String declarationId, String pushedTradeNo,
                                              Instant now) {
        SimulatedDeclarations.Stored stored = new SimulatedDeclarations.Stored(fields.get(MapiApi.OUT_REQUEST_NO),
                fields.get(MapiApi.TRADE_NO), fields.get(MapiApi.CUSTOMS_PLACE),
                fields.get(MapiApi.MERCHANT_CUSTOMS_CODE), fields.get(MapiApi.MERCHANT_CUSTOMS_NAME),
                fields.get(MapiApi.AMOUNT), MapiApi.TRUE.equals(fields.get(MapiApi.IS_SPLIT)),
                fields.get(MapiApi.SUB_OUT_BIZ_NO), Map.copyOf(fields), declarationId, pushedTradeNo, now, now,
                SimulatedDeclarations.MAPI);
        declarations.save(stored);
        return stored;
    }

    private static Result accepted(SimulatedDeclarations.Stored stored) {
        boolean identityGiven = stored.fields().containsKey(MapiApi.BUYER_NAME)
                && stored.fields().containsKey(MapiApi.BUYER_ID_NO);
        return new Result(MapiApi.RESULT_SUCCESS, new MapiAnswerWriter()
                .field(MapiApi.ALIPAY_DECLARE_NO, stored.alipayDeclarationId())
                .field(MapiApi.IDENTITY_CHECK, identityGiven ? MapiApi.TRUE : null)
                .field(MapiApi.OUT_REQUEST_NO, stored.requestId())
                .field(MapiApi.RESULT_CODE, MapiApi.RESULT_SUCCESS)
                .field(MapiApi.TRADE_NO, stored.alipayPaymentId()));
    }

    // ------------------------------------------------------------------ alipay.overseas.acquire.customs.query

    private Result query(Map<String, String> request) {
        String text = request.getOrDefault(MapiApi.OUT_REQUEST_NOS, "");
        if (text.isEmpty()) {
            return failed("INVALID_PARAMETER", ILLEGAL_PARAMETERS);
        }
        String[] ids = text.split(",", -1);
        if (ids.length > MapiApi.MAX_QUERY_IDS) {
            return failed("MAX_OUT_REQUEST_NO_EXCEEDED",
                    "The number of declaration forms in a single request is more than " + MapiApi.MAX_QUERY_IDS);
        }
        if (text.length() > MAX_OUT_REQUEST_NOS_LENGTH) {
            return failed("INVALID_PARAMETER", ILLEGAL_PARAMETERS);
        }
        for (String id : ids) {
            if (!MapiApi.OUT_REQUEST_NO_PATTERN.matcher(id).matches()) {
                return failed("INVALID_PARAMETER", ILLEGAL_PARAMETERS);
            }
        }
        List<Map<String, String>> records = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String id : new LinkedHashSet<>(List.of(ids))) {
            declarations.find(SimulatedDeclarations.MAPI, id).ifPresentOrElse(
                    stored -> records.add(record(stored)), () -> notFound.add(id));
        }
        return new Result(MapiApi.RESULT_SUCCESS, new MapiAnswerWriter()
                .field(MapiApi.NOT_FOUND, notFound.isEmpty() ? null : String.join(",", notFound))
                .records(records)
                .field(MapiApi.RESULT_CODE, MapiApi.RESULT_SUCCESS));
    }

    /** One {@code <customs_declare>}, its fields in the order of Alipay's sample. */
    private Map<String, String> record(SimulatedDeclarations.Stored stored) {
        boolean answered = declarations.customsAnswered(stored);
        Instant modified = answered ? declarations.customsAnsweredAt(stored) : stored.lastCallAt();
        Map<String, String> record = new LinkedHashMap<>();
        record.put(MapiApi.ALIPAY_DECLARE_NO, stored.alipayDeclarationId());
        record.put(MapiApi.AMOUNT, stored.amount());
        if (stored.split()) {
            // Alipay's sample leaves both out of its unsplit record
            record.put(MapiApi.IS_SPLIT, MapiApi.TRUE);
            record.put(MapiApi.SUB_OUT_BIZ_NO, stored.subOrderId());
        }
        record.put(MapiApi.CUSTOMS_PLACE, stored.customsCode());
        record.put(MapiApi.LAST_MODIFIED_TIME, LAST_MODIFIED.format(modified.atOffset(CHINA)));
        record.put(MapiApi.MEMO, "");
        record.put(MapiApi.MERCHANT_CUSTOMS_CODE, stored.merchantCustomsCode());
        record.put(MapiApi.MERCHANT_CUSTOMS_NAME, stored.merchantCustomsName());
        record.put(MapiApi.OUT_REQUEST_NO, stored.requestId());
        record.put(MapiApi.STATUS, answered ? "succ" : "ws");
        record.put(MapiApi.TRADE_NO, stored.alipayPaymentId());
        if (answered) {
            record.put(MapiApi.CUSTOMS_CODE, declarations.customsReceiptCode(stored));
            record.put(MapiApi.CUSTOMS_INFO, declarations.customsReceiptText(stored) + " [" + stored.alipayDeclarationId()
                    + "]");
            record.put(MapiApi.CUSTOMS_RETURN_TIME, RETURN_TIME.format(modified.atOffset(CHINA)));
        }
        return record;
    }

    // ------------------------------------------------------------------ helpers

    /** A business failure, in the order of Alipay's sample. */
    private static Result failed(String code, String description) {
        return new Result(MapiApi.RESULT_FAIL, new MapiAnswerWriter()
                .field(MapiApi.DETAIL_ERROR_CODE, code)
                .field(MapiApi.DETAIL_ERROR_DES, description)
                .field(MapiApi.RESULT_CODE, MapiApi.RESULT_FAIL));
    }
}
