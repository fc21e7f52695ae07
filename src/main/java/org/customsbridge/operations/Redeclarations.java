package org.customsbridge.operations;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.customsbridge.CustomsConstants;
import org.customsbridge.declare.Redeclaration;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.LedgerTime;
import org.customsbridge.ledger.StatusChange;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.record.Declaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's request that a gateway push a declaration it holds to customs again — for data lost
 * between the gateway and customs. Only a gateway with a route {@code redeclare-<gateway>} can (WeChat
 * Pay), and only a declaration in a customs state it allows ({@code SUCCESS} or {@code EXCEPT} at
 * WeChat Pay). Nothing is declared anew: the gateway sends the data it already holds. A taken request
 * leaves a history row and a status event with code {@link #REDECLARED}; the status stays what it was
 * (a final one stays final), and tracking goes on as before.
 */
public class Redeclarations {

    public static final String REDECLARED = "REDECLARED";

    private static final Logger LOG = LoggerFactory.getLogger(Redeclarations.class);
    /** The customs states WeChat Pay re-declares from (its pages: data lost at the e-port, or its interface failed). */
    private static final Set<String> REDECLARABLE_STATES = Set.of("SUCCESS", "EXCEPT");

    /** What became of the request. */
    public enum Kind { REDECLARED, NOT_FOUND, NOT_REDECLARABLE, REFUSED, UNANSWERED }

    /**
     * @param kind    what became of it
     * @param code    the gateway's code (refused) or the state the declaration was in
     * @param message for the operator
     */
    public record Result(Kind kind, String declarationRequestId, String code, String message) {
    }

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final DeclarationRows rows;
    private final StatusHistory history;
    private final Clock clock;

    public Redeclarations(CamelContext camel, ProducerTemplate producer, DeclarationRows rows, StatusHistory history,
                          Clock clock) {
        this.camel = camel;
        this.producer = producer;
        this.rows = rows;
        this.history = history;
        this.clock = clock;
    }

    public Result redeclare(String id) {
        Optional<StoredDeclaration> found = rows.find(id);
        if (found.isEmpty()) {
            return new Result(Kind.NOT_FOUND, id, null, "the ledger has no declaration with this id");
        }
        StoredDeclaration stored = found.get();
        String route = "redeclare-" + stored.gateway();
        if (camel.getRoute(route) == null) {
            return new Result(Kind.NOT_REDECLARABLE, id, null, "gateway " + stored.gateway()
                    + " has no re-declaration; a changed declaration is sent again under its id instead");
        }
        String state = stored.customsResultCode();
        if (stored.status() == DeclarationStatus.DECLARING || state == null || !REDECLARABLE_STATES.contains(state)) {
            return new Result(Kind.NOT_REDECLARABLE, id, state, "only a declaration whose customs state is "
                    + String.join(" or ", REDECLARABLE_STATES.stream().sorted().toList()) + " can be re-declared; this one is "
                    + stored.publicStatus() + (state == null ? "" : " (state " + state + ")"));
        }
        Declaration declaration = Declaration.fromFields(rows.fieldsOf(stored));
        Exchange answer = producer.send("direct:" + route, exchange -> {
            exchange.setProperty(CustomsConstants.DECLARATION, declaration);
            exchange.setProperty(CustomsConstants.DECLARATION_REQUEST_ID, id);
            exchange.getMessage().setBody(declaration);
        });
        if (answer.getException() != null) {
            // the gateway's words only: an exception of the call never carries the request's data
            LOG.warn("Re-declaration of {} got no trustworthy answer: {}", id, answer.getException().getMessage());
            return new Result(Kind.UNANSWERED, id, null, "no trustworthy answer from " + stored.gateway() + ": "
                    + answer.getException().getMessage() + "; nothing changed, ask again");
        }
        Redeclaration redeclaration = answer.getMessage().getBody(Redeclaration.class);
        if (!redeclaration.taken()) {
            return new Result(Kind.REFUSED, id, redeclaration.code(), redeclaration.message());
        }
        String message = "re-declared to customs " + declaration.customsCode() + " on an operator's request"
                + (redeclaration.message() == null ? "" : "; " + redeclaration.message());
        rows.inTransaction(() -> {
            history.record(new StatusChange(true, id, stored.paymentId(), stored.gateway(), stored.publicStatus(),
                    stored.publicStatus(), REDECLARED, message, stored.alipayDeclarationId(), null),
                    LedgerTime.now(clock));
            return null;
        });
        LOG.info("Declaration {} re-declared through {}", id, stored.gateway());
        return new Result(Kind.REDECLARED, id, redeclaration.code(), message);
    }
}
