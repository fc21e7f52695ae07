package org.customsbridge.declare;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.customsbridge.admission.Admission;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.record.Declaration;

/**
 * The routes' side of the ledger's {@link Admission}: whether it is sent, what is reported when it
 * is not, and the exchange properties a gateway route works from. Bean steps and a registered
 * predicate rather than simple-language calls such as {@code ${body.send()}}: Camel evaluates
 * those through a copy of the exchange every time, and every declaration passes several.
 */
public class Admissions {

    /** Exchange property holding the declaration a gateway route sends. */
    public static final String DECLARATION = "customsDeclaration";
    /** Exchange property naming its gateway ({@code alipay-plus}, {@code mapi}): the route to call. */
    public static final String GATEWAY = "customsGateway";

    /** The predicate "this admission is sent" (registered as a bean, for the {@code ref} language). */
    public static Predicate toSend() {
        return exchange -> exchange.getMessage().getBody(Admission.class).send();
    }

    /** What the ledger holds for a declaration it did not admit. */
    public DeclarationState reported(Admission admission) {
        return admission.state();
    }

    /** Sets the properties the gateway routes read from an admitted declaration. */
    public void open(Admission admission, Exchange exchange) {
        Declaration declaration = admission.declaration();
        exchange.setProperty(DECLARATION, declaration);
        exchange.setProperty(GatewayFailures.DECLARATION_REQUEST_ID, declaration.declarationRequestId());
        exchange.setProperty(GATEWAY, declaration.gateway());
    }
}
