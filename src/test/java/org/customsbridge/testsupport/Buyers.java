package org.customsbridge.testsupport;

import java.math.BigDecimal;
import java.util.Map;

import org.customsbridge.privacy.LedgerKeys;
import org.customsbridge.privacy.PersonalData;
import org.customsbridge.record.Declaration;

/** A buyer's identity for tests of personal data, and the ledger keys that protect it. */
public final class Buyers {

    public static final String NAME = "张三丰";
    public static final String ID_NO = "110101199003077777";
    public static final String KEY_PROPERTY = "customs.ledger.encryption-key";

    private Buyers() {
    }

    /** A valid declaration of {@code id} with the buyer. */
    public static Declaration withBuyer(String id, String amount) {
        return new Declaration(id, "PAY-" + id, "ZONGSHU", "hanguo", "jwyhanguo_card", new BigDecimal(amount),
                false, null, NAME, ID_NO, "alipay-plus");
    }

    /** Personal data under the key {@code currentId}, reading older keys by id. */
    public static PersonalData underKey(String currentId, String key, Map<String, String> older) {
        return new PersonalData(LedgerKeys.of(currentId, key, older, KEY_PROPERTY));
    }
}
