package org.customsbridge.signing;

import java.util.Optional;

/**
 * The MAPI {@code sign_type} values, as Alipay's MAPI pages list them. The gateway wants them in
 * upper case, so {@link #parse(String)} takes no other spelling.
 */
public enum MapiSignType {
    MD5(null),
    RSA("SHA1withRSA"),
    RSA2("SHA256withRSA");

    private final String jcaAlgorithm;

    MapiSignType(String jcaAlgorithm) {
        this.jcaAlgorithm = jcaAlgorithm;
    }

    /** The JCA signature algorithm; {@code null} for {@link #MD5}, which is a keyed digest, not a signature. */
    String jcaAlgorithm() {
        return jcaAlgorithm;
    }

    public boolean isRsa() {
        return jcaAlgorithm != null;
    }

    /** The sign type named exactly so, e.g. {@code RSA2}; empty for anything else. */
    public static Optional<MapiSignType> parse(String name) {
        for (MapiSignType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
