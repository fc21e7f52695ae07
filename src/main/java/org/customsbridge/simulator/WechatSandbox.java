package org.customsbridge.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.customsbridge.signing.WechatSigner;
import org.customsbridge.wechat.WechatApi;
import org.customsbridge.xml.FlatXml;

/**
 * The WeChat Pay side of the simulator, as plain Java: checks a call the way WeChat's v2 customs
 * pages document it (app id, merchant id, MD5 signature), then runs {@code customdeclareorder}
 * (fields, idempotency of identical resends, {@code MODIFY}), {@code customdeclarequery} (every
 * sub-order of an order at one customs, numbered) or {@code customdeclareredeclare} (a declaration pushed
 * to customs again), and answers XML signed with the same key. Calls
 * refused before any business logic ({@code return_code=FAIL}) are unsigned, as WeChat's are.
 * A declaration is known by its order, sub-order and customs, as at WeChat; the fault rules match
 * the order number ({@code out_trade_no}), the only id a WeChat call carries.
 */
public class WechatSandbox {

    /** What {@code MODIFY} may change, as WeChat's pages list it (buyer data is checked again). */
    private static final Set<String> CHANGEABLE = Set.of(WechatApi.MCH_CUSTOMS_NO, WechatApi.DUTY,
            WechatApi.ORDER_FEE, WechatApi.TRANSPORT_FEE, WechatApi.PRODUCT_FEE, WechatApi.CERT_ID, WechatApi.NAME,
            WechatApi.CERT_TYPE);
    /** Fields of the call rather than of the declaration. */
    private static final Set<String> PROTOCOL = Set.of(WechatApi.APPID, WechatApi.MCH_ID, WechatApi.SIGN,
            WechatApi.SIGN_TYPE, WechatApi.ACTION_TYPE);
    private static final Pattern FEN = Pattern.compile("0|[1-9][0-9]{0,15}");
    private static final Pattern TRANSACTION = Pattern.compile("\\d{28,32}");
    /** WeChat's times are China local time (as far as its pages show). */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter MODIFY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final String appId;
    private final String mchId;
    private final WechatSigner signer;
    private final SimulatedDeclarations declarations;
    private final SimulatorJournal journal;
    private final String unknownPaymentPrefix;
    /** The declaration keys of each order at each customs, for the query. */
    private final Map<String, Set<String>> byOrder = new ConcurrentHashMap<>();

    public WechatSandbox(String appId, String mchId, String apiKey, SimulatedDeclarations declarations,
                         SimulatorJournal journal, String unknownPaymentPrefix) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.mchId = Objects.requireNonNull(mchId, "mchId");
        this.signer = new WechatSigner(apiKey);
        this.declarations = declarations;
        this.journal = journal;
        this.unknownPaymentPrefix = unknownPaymentPrefix;
        declarations.whenForgotten(this::forget);
    }

    /** A WeChat Pay declaration the shared memory forgot (the oldest, beyond its bound) leaves the query's index too. */
    private void forget(SimulatedDeclarations.Stored stored) {
        if (!SimulatedDeclarations.WECHAT.equals(stored.family())) {
            return;
        }
        byOrder.computeIfPresent(orderKey(stored.fields().get(WechatApi.OUT_TRADE_NO), stored.customsCode()),
                (order, keys) -> {
                    keys.remove(stored.requestId());
                    return keys.isEmpty() ? null : keys;
                });
    }

    /** The order number a call names (what the fault rules match), or {@code null} if it cannot be read. */
    public static String orderNo(String body) {
        try {
            return FlatXml.read(body, WechatApi.ROOT).get(WechatApi.OUT_TRADE_NO);
        } catch (FlatXml.NotFlatXmlException e) {
            return null;
        }
    }

    /** Answers one call to {@code path} with the XML text to send. */
    public String handle(String path, String body) {
        String operation = WechatApi.DECLARE_PATH.equals(path) ? "wechat.declare"
                : WechatApi.QUERY_PATH.equals(path) ? "wechat.query"
                : WechatApi.REDECLARE_PATH.equals(path) ? "wechat.redeclare" : "wechat.unknown";
        Map<String, String> request;
        try {
            request = FlatXml.read(body, WechatApi.ROOT);
        } catch (FlatXml.NotFlatXmlException e) {
            journal.add(new SimulatorJournal.Entry(declarations.now(), operation, null, null, WechatApi.FAIL));
            return refused("XML format error: " + e.getMessage());
        }
        String preSign = WechatSigner.preSign(request);
        String orderNo = request.get(WechatApi.OUT_TRADE_NO);
        String refusal = refusal(request);
        Map<String, String> answer;
        String resultCode;
        if (refusal != null) {
            journal.add(new SimulatorJournal.Entry(declarations.now(), operation, orderNo, preSign, WechatApi.FAIL));
            return refused(refusal);
        }
        answer = WechatApi.DECLARE_PATH.equals(path) ? declare(request)
                : WechatApi.REDECLARE_PATH.equals(path) ? redeclare(request) : query(request);
        resultCode = answer.get(WechatApi.RESULT_CODE).equals(WechatApi.SUCCESS) ? WechatApi.SUCCESS
                : answer.get(WechatApi.ERR_CODE);
        journal.add(new SimulatorJournal.Entry(declarations.now(), operation, orderNo, preSign, resultCode));
        return signed(answer);
    }

    /** A business-level failure, signed like any answer WeChat took. */
    public String failure(String errCode, String description) {
        return signed(failed(errCode, description));
    }

    /** Why WeChat refuses the call before any business logic runs, or {@code null}. */
    private String refusal(Map<String, String> request) {
        String signType = request.get(WechatApi.SIGN_TYPE);
        if (signType != null && !signType.isEmpty() && !WechatApi.MD5.equals(signType)) {
            return "sign_type must be MD5";
        }
        if (!signer.verify(request, request.get(WechatApi.SIGN))) {
            return "signature error";
        }
        if (!appId.equals(request.get(WechatApi.APPID)) || !mchId.equals(request.get(WechatApi.MCH_ID))) {
            return "appid and mch_id do not match";
        }
        return null;
    }

    // ------------------------------------------------------------------ customdeclareorder

    private Map<String, String> declare(Map<String, String> request) {
        Map<String, String> fields = SimulatedDeclarations.businessFields(request, PROTOCOL);
        String problem = declareProblem(fields);
        if (problem != null) {
            return failed("PARAM_ERROR", problem);
        }
        if (fields.get(WechatApi.OUT_TRADE_NO).startsWith(unknownPaymentPrefix)) {
            return failed("PARAM_ERROR", "the payment of this out_trade_no does not exist (simulated)");
        }
        String key = declarationKey(fields);
        boolean modify = WechatApi.MODIFY.equals(request.get(WechatApi.ACTION_TYPE));
        return declarations.oneAtATime(SimulatedDeclarations.WECHAT, key, () -> declare(key, fields, modify));
    }

    private Map<String, String> declare(String key, Map<String, String> fields, boolean modify) {
        Instant now = declarations.now();
        Optional<SimulatedDeclarations.Stored> existing = declarations.find(SimulatedDeclarations.WECHAT, key);
        if (existing.isEmpty()) {
            if (modify) {
                return failed("INVALID_REQUEST", "no declaration of this order to modify");
            }
            return accepted(save(key, fields, declarations.nextDeclarationId(), now));
        }
        SimulatedDeclarations.Stored stored = existing.get();
        List<String> changed = SimulatedDeclarations.changedFields(stored.fields(), fields);
        if (changed.isEmpty()) {
            return accepted(stored);
        }
        if (!modify) {
            return failed("INVALID_REQUEST", "changed data sent again with ADD (changed: " + String.join(", ", changed)
                    + "); send action_type=MODIFY");
        }
        if (!CHANGEABLE.containsAll(changed)) {
            return failed("INVALID_REQUEST", "MODIFY may not change " + String.join(", ", changed));
        }
        return accepted(save(key, fields, stored.alipayDeclarationId(), now));
    }

    /** The first documented rule the declare fields break, or {@code null}. */
    private static String declareProblem(Map<String, String> fields) {
        for (String required : List.of(WechatApi.OUT_TRADE_NO, WechatApi.TRANSACTION_ID, WechatApi.CUSTOMS)) {
            if (!fields.containsKey(required)) {
                return required + " is required";
            }
        }
        if (!"NO".equals(fields.get(WechatApi.CUSTOMS)) && !fields.containsKey(WechatApi.MCH_CUSTOMS_NO)) {
            return "mch_customs_no is required";
        }
        if (!TRANSACTION.matcher(fields.get(WechatApi.TRANSACTION_ID)).matches()) {
            return "transaction_id must be 28 digits";
        }
        for (String fen : List.of(WechatApi.ORDER_FEE, WechatApi.PRODUCT_FEE, WechatApi.TRANSPORT_FEE, WechatApi.DUTY)) {
            if (fields.containsKey(fen) && !FEN.matcher(fields.get(fen)).matches()) {
                return fen + " must be a whole number of fen";
            }
        }
        if (fields.containsKey(WechatApi.SUB_ORDER_NO)) {
            for (String required : List.of(WechatApi.FEE_TYPE, WechatApi.ORDER_FEE, WechatApi.PRODUCT_FEE,
                    WechatApi.TRANSPORT_FEE)) {
                if (!fields.containsKey(required)) {
                    return required + " is required for a split declaration";
                }
            }
            if (Long.parseLong(fields.get(WechatApi.ORDER_FEE)) != Long.parseLong(fields.get(WechatApi.PRODUCT_FEE))
                    + Long.parseLong(fields.get(WechatApi.TRANSPORT_FEE))) {
                return "order_fee must equal product_fee + transport_fee";
            }
        }
        if (fields.containsKey(WechatApi.FEE_TYPE) && !WechatApi.CNY.equals(fields.get(WechatApi.FEE_TYPE))) {
            return "fee_type must be CNY";
        }
        return null;
    }

    private SimulatedDeclarations.Stored save(String key, Map<String, String> fields, String subOrderId, Instant now) {
        SimulatedDeclarations.Stored stored = new SimulatedDeclarations.Stored(key,
                fields.get(WechatApi.TRANSACTION_ID), fields.get(WechatApi.CUSTOMS),
                fields.get(WechatApi.MCH_CUSTOMS_NO), null, fields.get(WechatApi.ORDER_FEE),
                fields.containsKey(WechatApi.SUB_ORDER_NO), fields.get(WechatApi.SUB_ORDER_NO), Map.copyOf(fields),
                subOrderId, fields.get(WechatApi.TRANSACTION_ID), now, now, SimulatedDeclarations.WECHAT);
        declarations.save(stored);
        byOrder.computeIfAbsent(orderKey(fields.get(WechatApi.OUT_TRADE_NO), fields.get(WechatApi.CUSTOMS)),
                k -> ConcurrentHashMap.newKeySet()).add(key);
        return stored;
    }

    private Map<String, String> accepted(SimulatedDeclarations.Stored stored) {
        Map<String, String> answer = success();
        answer.put(WechatApi.STATE, state(stored));
        answer.put(WechatApi.TRANSACTION_ID, stored.paymentId());
        answer.put(WechatApi.OUT_TRADE_NO, stored.fields().get(WechatApi.OUT_TRADE_NO));
        if (stored.split()) {
            answer.put(WechatApi.SUB_ORDER_NO, stored.subOrderId());
            answer.put(WechatApi.SUB_ORDER_ID, stored.alipayDeclarationId());
        }
        answer.put(WechatApi.MODIFY_TIME, MODIFY_TIME.format(stored.lastCallAt().atOffset(CHINA)));
        answer.put(WechatApi.CERT_CHECK_RESULT, certCheck(stored));
        return answer;
    }

    // ------------------------------------------------------------------ customdeclarequery

    private Map<String, String> query(Map<String, String> request) {
        String orderNo = request.get(WechatApi.OUT_TRADE_NO);
        String customs = request.get(WechatApi.CUSTOMS);
        if (orderNo == null || customs == null) {
            return failed("PARAM_ERROR", "out_trade_no and customs are required");
        }
        List<SimulatedDeclarations.Stored> found = byOrder.getOrDefault(orderKey(orderNo, customs), Set.of()).stream()
                .sorted().map(key -> declarations.find(SimulatedDeclarations.WECHAT, key))
                .flatMap(Optional::stream).toList();
        if (found.isEmpty()) {
            return failed("ORDERNOTEXIST", "no declaration of this order at this customs");
        }
        Map<String, String> answer = success();
        answer.put(WechatApi.TRANSACTION_ID, found.get(0).paymentId());
        answer.put(WechatApi.COUNT, Integer.toString(found.size()));
        for (int n = 0; n < found.size(); n++) {
            SimulatedDeclarations.Stored stored = found.get(n);
            Map<String, String> fields = stored.fields();
            if (stored.split()) {
                answer.put(WechatApi.numbered(WechatApi.SUB_ORDER_NO, n), stored.subOrderId());
                answer.put(WechatApi.numbered(WechatApi.SUB_ORDER_ID, n), stored.alipayDeclarationId());
            }
            answer.put(WechatApi.numbered(WechatApi.MCH_CUSTOMS_NO, n), fields.get(WechatApi.MCH_CUSTOMS_NO));
            answer.put(WechatApi.numbered(WechatApi.CUSTOMS, n), stored.customsCode());
            answer.put(WechatApi.numbered(WechatApi.FEE_TYPE, n), WechatApi.CNY);
            for (String fen : List.of(WechatApi.ORDER_FEE, WechatApi.DUTY, WechatApi.TRANSPORT_FEE,
                    WechatApi.PRODUCT_FEE)) {
                answer.put(WechatApi.numbered(fen, n), fields.get(fen));
            }
            String state = state(stored);
            answer.put(WechatApi.numbered(WechatApi.STATE, n), state);
            if (WechatApi.FAIL.equals(state)) {
                answer.put(WechatApi.numbered(WechatApi.EXPLANATION, n), declarations.customsReceiptText(stored));
            }
            Instant modified = declarations.customsAnswered(stored) ? declarations.customsAnsweredAt(stored)
                    : stored.lastCallAt();
            answer.put(WechatApi.numbered(WechatApi.MODIFY_TIME, n), MODIFY_TIME.format(modified.atOffset(CHINA)));
            answer.put(WechatApi.numbered(WechatApi.CERT_CHECK_RESULT, n), certCheck(stored));
        }
        return answer;
    }

    // ------------------------------------------------------------------ customdeclareredeclare

    /**
     * Pushes a declaration to customs again: only one customs accepted ({@code SUCCESS}) or whose
     * interface failed ({@code EXCEPT}, which the simulator never reaches), named by its order,
     * sub-order and customs, with the merchant's registration there. It is then {@code SUBMITTED}, and
     * customs answers again after {@code customs-delay}.
     */
    private Map<String, String> redeclare(Map<String, String> request) {
        String orderNo = request.get(WechatApi.OUT_TRADE_NO);
        String customs = request.get(WechatApi.CUSTOMS);
        String mchCustomsNo = request.get(WechatApi.MCH_CUSTOMS_NO);
        if (orderNo == null || customs == null || mchCustomsNo == null) {
            return failed("PARAM_ERROR", "out_trade_no, customs and mch_customs_no are required");
        }
        String key = declarationKey(request);
        return declarations.oneAtATime(SimulatedDeclarations.WECHAT, key, () -> {
            Optional<SimulatedDeclarations.Stored> existing = declarations.find(SimulatedDeclarations.WECHAT, key);
            if (existing.isEmpty()) {
                return failed("ORDERNOTEXIST", "no declaration of this order at this customs");
            }
            SimulatedDeclarations.Stored stored = existing.get();
            if (!mchCustomsNo.equals(stored.fields().get(WechatApi.MCH_CUSTOMS_NO))) {
                return failed("INVALID_REQUEST", "mch_customs_no is not the declaration's");
            }
            String state = state(stored);
            if (!WechatApi.SUCCESS.equals(state) && !"EXCEPT".equals(state)) {
                return failed("INVALID_REQUEST", "only a declaration in state SUCCESS or EXCEPT can be re-declared,"
                        + " this one is " + state);
            }
            return accepted(save(key, stored.fields(), stored.alipayDeclarationId(), declarations.now()));
        });
    }

    // ------------------------------------------------------------------ helpers

    /** SUBMITTED until the simulated customs answers, then SUCCESS or FAIL. */
    private String state(SimulatedDeclarations.Stored stored) {
        if (!declarations.customsAnswered(stored)) {
            return "SUBMITTED";
        }
        return "-1".equals(declarations.customsReceiptCode(stored)) ? WechatApi.FAIL : WechatApi.SUCCESS;
    }

    private static String certCheck(SimulatedDeclarations.Stored stored) {
        return stored.fields().containsKey(WechatApi.CERT_ID) ? "SAME" : "UNCHECKED";
    }

    private Map<String, String> success() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put(WechatApi.RETURN_CODE, WechatApi.SUCCESS);
        answer.put(WechatApi.RETURN_MSG, "OK");
        answer.put(WechatApi.APPID, appId);
        answer.put(WechatApi.MCH_ID, mchId);
        answer.put(WechatApi.RESULT_CODE, WechatApi.SUCCESS);
        return answer;
    }

    private Map<String, String> failed(String errCode, String description) {
        Map<String, String> answer = success();
        answer.put(WechatApi.RESULT_CODE, WechatApi.FAIL);
        answer.put(WechatApi.ERR_CODE, errCode);
        answer.put(WechatApi.ERR_CODE_DES, description);
        return answer;
    }

    private String signed(Map<String, String> answer) {
        Map<String, String> signed = new LinkedHashMap<>(answer);
        signed.put(WechatApi.SIGN_TYPE, WechatApi.MD5);
        signed.put(WechatApi.SIGN, signer.sign(signed));
        return FlatXml.write(WechatApi.ROOT, signed);
    }

    /** A call refused before any business logic: {@code return_code=FAIL}, unsigned. */
    static String refused(String message) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put(WechatApi.RETURN_CODE, WechatApi.FAIL);
        answer.put(WechatApi.RETURN_MSG, message);
        return FlatXml.write(WechatApi.ROOT, answer);
    }

    /** What WeChat keeps one declaration of: an order's sub-order ({@code ""}: unsplit) at one customs. */
    private static String declarationKey(Map<String, String> fields) {
        return String.join("|", fields.get(WechatApi.OUT_TRADE_NO), fields.getOrDefault(WechatApi.SUB_ORDER_NO, ""),
                fields.get(WechatApi.CUSTOMS));
    }

    private static String orderKey(String orderNo, String customs) {
        return orderNo + "|" + customs;
    }
}
