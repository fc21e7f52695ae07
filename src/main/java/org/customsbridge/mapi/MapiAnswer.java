package org.customsbridge.mapi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A MAPI answer as read, before or after its signature is checked ({@link MapiAnswerVerifier}).
 *
 * @param success      {@code is_success=T}: the gateway took the call (the business result is in {@link #fields})
 * @param error        the gateway's error code when {@code is_success=F}, e.g. {@code ILLEGAL_SIGN}
 * @param sign         the {@code <sign>} after the response, if any
 * @param signType     the {@code <sign_type>}, if any
 * @param responseText the exact text between {@code <response>} and {@code </response>} (what one
 *                     reading of the signature covers); {@code null} when there is no response
 * @param request      the {@code <request><param name=…>} echo, if any
 * @param fields       the leaf elements of {@code <response><alipay>}, e.g. {@code result_code}; values are
 *                     stripped of surrounding white space, an empty element is {@code ""}
 * @param records      every {@code <records><customs_declare>} of a query, each as its leaf elements
 * @param children     every child element of {@code <response><alipay>} with its text as it came, not
 *                     stripped; for an element with child elements ({@code <records>}) only the text
 *                     directly inside it. What the signature covers is made of these
 *                     ({@link MapiAnswerSigning}).
 */
public record MapiAnswer(boolean success, String error, String sign, String signType, String responseText,
                         Map<String, String> request, Map<String, String> fields,
                         List<Map<String, String>> records, Map<String, String> children) {

    public MapiAnswer {
        request = frozen(request);
        fields = frozen(fields);
        records = records == null ? List.of() : records.stream().map(MapiAnswer::frozen).toList();
        children = frozen(children);
    }

    /** An answer whose response children are its fields as they are (as built by hand, not read). */
    public MapiAnswer(boolean success, String error, String sign, String signType, String responseText,
                      Map<String, String> request, Map<String, String> fields, List<Map<String, String>> records) {
        this(success, error, sign, signType, responseText, request, fields, records, fields);
    }

    public String field(String name) {
        return fields.get(name);
    }

    public String resultCode() {
        return fields.get(MapiApi.RESULT_CODE);
    }

    public String detailErrorCode() {
        return fields.get(MapiApi.DETAIL_ERROR_CODE);
    }

    public String detailErrorDes() {
        return fields.get(MapiApi.DETAIL_ERROR_DES);
    }

    /** The ids a query did not find ({@code not_found}, comma-separated in the answer). */
    public List<String> notFound() {
        String notFound = fields.get(MapiApi.NOT_FOUND);
        if (notFound == null || notFound.isBlank()) {
            return List.of();
        }
        return Arrays.stream(notFound.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    private static Map<String, String> frozen(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
