package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Enters the WeChat Pay declarations made before {@code declaration_order} existed (V12): each order the
 * oldest declaration of it holds, one WeChat took before one it refused. Frozen as written: the key's
 * form is the one {@code WechatOrderKeys} had then, and a later change of it needs a migration of its own.
 */
public class V13__declaration_order_entered extends BaseJavaMigration {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    @Override
    public void migrate(Context context) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Connection connection = context.getConnection();
        Set<String> entered = new HashSet<>();
        try (PreparedStatement declared = connection.prepareStatement("""
                    select declaration_request_id, request_fields, created_at from declaration
                    where gateway = 'wechat' and status <> 'INVALID'
                    order by case when status = 'DECLARE_FAILED' then 1 else 0 end, created_at,
                        declaration_request_id""");
             PreparedStatement enter = connection.prepareStatement(
                     "insert into declaration_order (order_key, declaration_request_id, created_at) values (?, ?, ?)");
             ResultSet rows = declared.executeQuery()) {
            while (rows.next()) {
                // the order's fields are stored in clear; only the buyer's are encrypted
                Map<String, String> fields = json.readValue(rows.getString(2), FIELDS);
                String subOrder = Boolean.parseBoolean(fields.get("split")) ? fields.get("subOrderId") : "";
                String key = String.join("|", "wechat", fields.get("customsCode"), fields.get("merchantOrderNo"),
                        subOrder);
                if (entered.add(key)) {
                    enter.setString(1, key);
                    enter.setString(2, rows.getString(1));
                    enter.setObject(3, rows.getObject(3));
                    enter.executeUpdate();
                }
            }
        }
    }
}
