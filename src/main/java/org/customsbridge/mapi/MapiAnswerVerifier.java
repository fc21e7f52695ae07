package org.customsbridge.mapi;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.signing.MapiSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a MAPI answer through only if it can be trusted: an {@code is_success=T} answer must carry
 * {@code sign} and the configured {@code sign_type}, and the signature must verify over what one of
 * the accepted {@link MapiAnswerSigning} variants says it covers. An {@code is_success=F} answer is
 * the gateway refusing the call (e.g. {@code ILLEGAL_SIGN}); Alipay never signs those, so it passes
 * as it is, and carries nothing but its error code.
 *
 * <p>The first time a variant matches, it is logged at INFO with the gateway's address: the variant
 * is the open question of the signature rule, and the log is where the first production answer
 * answers it. Each variant is logged once per gateway, never per answer.
 */
public class MapiAnswerVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(MapiAnswerVerifier.class);
    /** The setting that narrows the variants, named in the log and in refusals. */
    public static final String SETTING = "customs.mapi.answer-signature";

    private final MapiSigner signer;
    private final MapiAnswerParser parser;
    private final List<MapiAnswerSigning> accepted;
    private final Supplier<String> gateway;
    private final Set<MapiAnswerSigning> logged = ConcurrentHashMap.newKeySet();

    /** A verifier that accepts every variant, for a gateway named only as "the MAPI gateway". */
    public MapiAnswerVerifier(MapiSigner signer) {
        this(signer, EnumSet.allOf(MapiAnswerSigning.class), () -> "the MAPI gateway");
    }

    /**
     * @param accepted the variants to accept, tried in their declared order whatever the order given
     * @param gateway  names the gateway in the log, e.g. its address (which may be known only once
     *                 the application runs)
     */
    public MapiAnswerVerifier(MapiSigner signer, Collection<MapiAnswerSigning> accepted, Supplier<String> gateway) {
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException(SETTING + ": name at least one of " + List.of(
                    MapiAnswerSigning.values()).stream().map(MapiAnswerSigning::settingName).toList());
        }
        this.signer = signer;
        this.parser = new MapiAnswerParser();
        this.accepted = List.copyOf(EnumSet.copyOf(accepted));
        this.gateway = gateway;
    }

    public MapiAnswer verify(String xml) throws NoTrustedAnswerException {
        MapiAnswer answer = parser.parse(xml);
        if (!answer.success()) {
            if (answer.error() == null || answer.error().isEmpty()) {
                throw new NoTrustedAnswerException(MapiAnswerParser.UNREADABLE_ANSWER,
                        "MAPI answer is_success=F without an error code");
            }
            return answer;
        }
        if (answer.sign() == null || answer.sign().isEmpty() || answer.signType() == null
                || answer.signType().isEmpty()) {
            throw new NoTrustedAnswerException("UNSIGNED_ANSWER", "MAPI answer lacks sign or sign_type; not trusted");
        }
        if (!signer.type().name().equals(answer.signType())) {
            throw new NoTrustedAnswerException("UNTRUSTED_ANSWER", "MAPI answer is signed with sign_type "
                    + abbreviated(answer.signType()) + ", not the configured " + signer.type() + "; not trusted");
        }
        if (answer.responseText() == null) {
            throw new NoTrustedAnswerException("UNSIGNED_ANSWER",
                    "MAPI answer is_success=T has no <response> to verify; not trusted");
        }
        for (MapiAnswerSigning variant : accepted) {
            if (signer.verify(variant.content(answer), answer.sign())) {
                if (logged.add(variant)) {
                    LOG.info("MAPI answers from {} verify as signed by the rule '{}' ({})", gateway.get(),
                            variant.settingName(), SETTING);
                }
                return answer;
            }
        }
        throw new NoTrustedAnswerException("UNTRUSTED_ANSWER", "MAPI answer signature does not verify over its"
                + " response by any accepted rule (sign_type " + signer.type() + ", " + SETTING + "="
                + String.join(",", accepted.stream().map(MapiAnswerSigning::settingName).toList())
                + "); not trusted");
    }

    /** The variants this verifier accepts, in the order it tries them. */
    public List<MapiAnswerSigning> accepted() {
        return accepted;
    }

    /** A value from the answer, bounded: it goes into a message that ends up in logs and results. */
    private static String abbreviated(String value) {
        return value.length() > 16 ? value.substring(0, 16) + "..." : value;
    }
}
