package org.customsbridge.intake;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFTP consumer's poll strategy ({@code pollStrategy=#sftpPolls}): remembers how the last poll
 * went, so that health can report it without opening a connection of its own, and says which
 * property a connection failure points at. A failed poll is not retried at once: the consumer's
 * backoff skips the next polls (customs.intake.sftp.backoff-multiplier), and no file is touched.
 */
public class SftpPolls implements PollingConsumerPollStrategy {

    /** How the last poll went. {@code failuresInARow} is 0 after a good poll. */
    public record LastPoll(Instant at, String error, String property, int failuresInARow) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SftpPolls.class);

    private final String address;
    private final Clock clock;
    private volatile LastPoll last;

    public SftpPolls(String address, Clock clock) {
        this.address = address;
        this.clock = clock;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        LastPoll previous = last;
        if (previous != null && previous.error() != null) {
            LOG.info("{}: polled again after {} failed polls", address, previous.failuresInARow());
        }
        last = new LastPoll(clock.instant(), null, null, 0);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        LastPoll previous = last;
        int failures = previous == null ? 1 : previous.failuresInARow() + 1;
        String property = suspect(cause);
        String error = describe(cause);
        last = new LastPoll(clock.instant(), error, property, failures);
        if (failures == 1 || failures % 10 == 0) {
            LOG.warn("{}: poll failed ({} in a row), check {}: {}", address, failures, property, error);
        }
        return false;
    }

    /** {@code null} before the first poll. */
    public LastPoll last() {
        return last;
    }

    public String address() {
        return address;
    }

    /** The property a failure points at, from the causes JSch and the JDK give. */
    static String suspect(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("hostkey") || message.contains("host key")) {
                return "customs.intake.sftp.known-hosts-file";
            }
            if (message.contains("auth fail") || message.contains("auth cancel") || message.contains("invalid privatekey")) {
                return "customs.intake.sftp.user, customs.intake.sftp.password / customs.intake.sftp.private-key";
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || message.contains("connection refused") || message.contains("timeout")) {
                return "customs.intake.sftp.host, customs.intake.sftp.port";
            }
            if (message.contains("no such file") || message.contains("permission denied")) {
                return "customs.intake.sftp.directory";
            }
        }
        return "customs.intake.sftp.*";
    }

    /** The failure and its innermost cause, e.g. {@code Cannot connect ...: Auth fail}; no credentials in either. */
    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return root == cause ? outer : outer + ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
