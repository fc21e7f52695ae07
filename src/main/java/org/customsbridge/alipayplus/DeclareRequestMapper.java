package org.customsbridge.alipayplus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.customsbridge.record.Declaration;

/**
 * A declaration as the Alipay+ {@code declare} body: every scalar a JSON string, the amount in fen,
 * optional fields left out (never {@code ""}).
 */
public class DeclareRequestMapper {

    private final ObjectMapper mapper;

    public DeclareRequestMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String toJson(Declaration declaration) {
        ObjectNode body = mapper.createObjectNode();
        body.put("paymentRequestId", declaration.paymentId());
        body.put("customsDeclarationRequestId", declaration.declarationRequestId());
        ObjectNode customs = body.putObject("customs");
        customs.put("customsCode", declaration.customsCode());
        customs.put("region", "CN");
        ObjectNode merchant = body.putObject("merchantCustomsInfo");
        merchant.put("merchantCustomsCode", declaration.merchantCustomsCode());
        merchant.put("merchantCustomsName", declaration.merchantCustomsName());
        ObjectNode amount = body.putObject("declarationAmount");
        amount.put("currency", "CNY");
        // exact fen as text: a 20-character amount (the most a record may carry) does not fit a long
        amount.put("value", declaration.amount().movePointRight(2).toBigIntegerExact().toString());
        body.put("isSplit", Boolean.toString(declaration.split()));
        if (declaration.split()) {
            body.put("referenceOrderId", declaration.subOrderId());
        }
        if (declaration.buyerIdNo() != null) {
            ObjectNode certificate = body.putObject("buyerCertificate");
            certificate.put("certificateType", "ID_CARD");
            certificate.put("certificateNo", declaration.buyerIdNo());
            certificate.putObject("holderName").put("fullName", declaration.buyerName());
        }
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
