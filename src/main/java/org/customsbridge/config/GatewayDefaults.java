package org.customsbridge.config;

/**
 * What a gateway setting left empty falls back to. A production setup has none: each gateway in use
 * needs its own endpoint, ids and keys, and start-up names the one that is missing. An add-on that
 * stands in for Alipay (the built-in simulator) supplies one as a bean, and the gateways it answers
 * for then work without any setting.
 */
public interface GatewayDefaults {

    /** Base URL of the Alipay+ API; asked for at each call, as it may be known only once the web server runs. */
    String alipayPlusBaseUrl();

    /** Full {@code gateway.do} URL of the MAPI gateway; asked for at each call, as {@link #alipayPlusBaseUrl}. */
    String mapiGatewayUrl();

    /** The Alipay+ client id. */
    String alipayPlusClientId();

    /** The MAPI partner id. */
    String mapiPartner();

    /** The MAPI MD5 key. */
    String mapiMd5Key();

    /** The merchant's RSA private key that signs requests (PEM text, or {@code file:} and a path). */
    String merchantPrivateKey();

    /** Alipay's RSA public key that verifies answers (PEM text, or {@code file:} and a path). */
    String alipayPublicKey();

    /** Base URL of WeChat Pay's API; asked for at each call, as {@link #alipayPlusBaseUrl}. */
    String wechatBaseUrl();

    /** The WeChat Pay app id. */
    String wechatAppId();

    /** The WeChat Pay merchant id. */
    String wechatMchId();

    /** The WeChat Pay API key (MD5 signatures both ways). */
    String wechatApiKey();

    /**
     * The key the ledger encrypts personal data with (base64, or {@code file:} and a path): a demo key
     * beside the demo keys, as the records of a trial run carry made-up identities.
     */
    String ledgerEncryptionKey();
}
