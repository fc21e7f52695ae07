package org.customsbridge.alipayplus;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * What a merchant needs to talk to Alipay+: its client id and key version, its private key to sign
 * requests, and Alipay+'s public key to verify answers. {@link #toString()} shows no key.
 */
public record AlipayPlusCredentials(String clientId, String keyVersion, PrivateKey privateKey,
                                    PublicKey alipayPublicKey) {

    @Override
    public String toString() {
        return "AlipayPlusCredentials[clientId=" + clientId + ", keyVersion=" + keyVersion + "]";
    }
}
