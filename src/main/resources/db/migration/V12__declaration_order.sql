-- The order a gateway keys a declaration by, where that is not the declarationRequestId (WeChat Pay:
-- out_trade_no, sub_order_no and customs), and the one id that declares it. The primary key lets two
-- nodes, or two workers, race for an order: one id wins, the other record is refused. Declarations
-- made before this table are entered by V13.
create table declaration_order (
    order_key               varchar(128)  not null primary key,
    declaration_request_id  varchar(32)   not null references declaration (declaration_request_id),
    created_at              timestamp with time zone not null
);
