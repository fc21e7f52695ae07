package org.customsbridge.declare;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.customsbridge.CustomsConstants;
import org.apache.camel.support.SynchronizationAdapter;
import org.customsbridge.admission.Admission;
import org.customsbridge.admission.Claims;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.record.Declaration;

/**
 * The routes' side of the ledger's {@link Admission}: whether it is sent, what is reported when it
 * is not, and the exchange properties a gateway call works from. Bean steps and a registered
 * predicate rather than simple-language calls such as {@code ${body.send()}}: Camel evaluates
 * those through a copy of the exchange every time, and every declaration passes several.
 */
public class AdmissionSteps {

    /** The predicate "this admission is sent" (registered as a bean, for the {@code ref} language). */
    public static Predicate toSend() {
        return exchange -> exchange.getMessage().getBody(Admission.class).send();
    }

    /** What the ledger holds for a declaration it did not admit. */
    public DeclarationState reported(Admission admission) {
        return admission.state();
    }

    private final Claims claims;

    public AdmissionSteps(Claims claims) {
        this.claims = claims;
    }

    /**
     * Sets the properties a gateway call works from ({@link CustomsConstants#DECLARATION},
     * {@link CustomsConstants#DECLARATION_REQUEST_ID}, {@link CustomsConstants#GATEWAY},
     * {@link CustomsConstants#CLAIM}).
     *
     * @return the admitted declaration
     */
    public Declaration open(Admission admission, Exchange exchange) {
        Declaration declaration = admission.declaration();
        exchange.setProperty(CustomsConstants.DECLARATION, declaration);
        exchange.setProperty(CustomsConstants.DECLARATION_REQUEST_ID, declaration.declarationRequestId());
        exchange.setProperty(CustomsConstants.GATEWAY, declaration.gateway());
        exchange.setProperty(CustomsConstants.CLAIM, admission.claim());
        // the claim holds on this node while the record's work goes on, however that ends
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                claims.release(admission.claim());
            }
        });
        return declaration;
    }
}
