package org.customsbridge.flow;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Drops the PostgreSQL schemas of this test run when the run ends (registered in META-INF/services). */
public class DropTestSchemas implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabase.dropSchemas();
    }
}
