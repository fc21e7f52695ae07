package org.customsbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.source;
import static org.customsbridge.testsupport.Declarations.wechat;
import static org.customsbridge.testsupport.Declarations.with;

import java.time.Duration;
import java.util.Map;

import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.customsbridge.testsupport.LedgerDatabase;
import org.customsbridge.validation.InvalidRecord;
import org.junit.jupiter.api.Test;

/** The WeChat Pay declarations of a ledger older than {@code declaration_order} get their orders' holders. */
class DeclarationOrderMigrationTest {

    @Test
    void eachOrderDeclaredBeforeIsHeldByItsOldestDeclarationThatTheGatewayDidNotRefuse() {
        LedgerDatabase ledger = LedgerDatabase.createAt("11");
        insert(ledger, with(with(wechat("DEC-1", "ORD-1", null), "buyerName", "张三"), "buyerIdNo",
                "330821198809085211"));
        insert(ledger, wechat("DEC-6", "ORD-2", null));
        ledger.clock.advance(Duration.ofSeconds(1));
        insert(ledger, wechat("DEC-2", "ORD-1", null));
        insert(ledger, wechat("DEC-7", "ORD-2", null));
        insert(ledger, wechat("DEC-3", "ORD-1", "SUB-1"));
        insert(ledger, declaration("DEC-4"));
        ledger.jdbc.update("update declaration set status = 'DECLARE_FAILED' where declaration_request_id = 'DEC-1'");
        ledger.rows.insertInvalid(new InvalidRecord(new RawRecord("orders.csv", 9, 9, Map.of("paymentId", "1"), null),
                "bad", "DEC-5", "wechat"), ledger.now());

        ledger.migrateTo("latest");

        assertThat(ledger.jdbc.queryForList("select order_key || '=' || declaration_request_id from declaration_order "
                + "order by order_key", String.class))
                .containsExactly("wechat|HANGZHOU_ZS|ORD-1|=DEC-2", "wechat|HANGZHOU_ZS|ORD-1|SUB-1=DEC-3",
                        "wechat|HANGZHOU_ZS|ORD-2|=DEC-6");
    }

    private static void insert(LedgerDatabase ledger, Declaration declaration) {
        ledger.rows.insertClaimed(declaration, source(1), Claim.made("this-node", ledger.now(), Duration.ofMinutes(2)),
                ledger.now());
    }
}
