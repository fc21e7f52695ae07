package org.customsbridge.declare;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The first check on any gateway answer: only a 2xx is an answer at all. */
public final class HttpAnswers {

    private HttpAnswers() {
    }

    /** @throws NoTrustedAnswerException {@code HTTP_<status>} for anything but a 2xx */
    public static void require2xx(Message message, String gateway) throws NoTrustedAnswerException {
        int httpStatus = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (httpStatus < 200 || httpStatus > 299) {
            throw new NoTrustedAnswerException("HTTP_" + httpStatus, gateway + " answered HTTP " + httpStatus);
        }
    }
}
