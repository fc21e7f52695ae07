package org.customsbridge.wechat;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.customsbridge.CustomsConstants;
import org.customsbridge.tracking.CustomsAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the answers of several query calls into one list, as a tracking batch expects. Once one
 * call has answered, a call that failed is logged and left out (its declarations are asked again at
 * the next poll), so that one order's failed query does not hold back the other orders' answers.
 * While none has answered, the failure stays: a batch where every call failed fails as a whole, as
 * a single-call gateway's does (and preflight sees why).
 */
public class CustomsAnswerLists implements AggregationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger("org.customsbridge.tracking");

    @Override
    public Exchange aggregate(Exchange joined, Exchange call) {
        if (joined == null) {
            return call;
        }
        if (call.getException() != null) {
            skipped(call);
            return joined;
        }
        List<CustomsAnswer> answers = new ArrayList<>();
        if (joined.getException() != null) {
            skipped(joined);
        } else {
            answers.addAll(answersOf(joined));
        }
        answers.addAll(answersOf(call));
        joined.getMessage().setBody(answers);
        return joined;
    }

    private static void skipped(Exchange failed) {
        LOG.warn("Tracking query of WeChat Pay {} failed, retried at the next poll: {}",
                failed.getProperty(CustomsConstants.WECHAT_ORDER), failed.getException().getMessage());
        failed.setException(null);
    }

    private static List<CustomsAnswer> answersOf(Exchange exchange) {
        List<CustomsAnswer> answers = new ArrayList<>();
        if (exchange.getMessage().getBody() instanceof List<?> list) {
            list.stream().filter(CustomsAnswer.class::isInstance).map(CustomsAnswer.class::cast).forEach(answers::add);
        }
        return answers;
    }
}
