package org.customsbridge.testsupport;

import java.util.ArrayList;
import java.util.List;

/** What a failure says, down its whole cause chain (start-up errors are wrapped several times). */
public final class Failures {

    private Failures() {
    }

    public static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
