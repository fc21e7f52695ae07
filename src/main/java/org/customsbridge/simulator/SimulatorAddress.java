package org.customsbridge.simulator;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where the built-in simulator listens: this application's own HTTP port, known only once the web
 * server has started (it may be a random port in tests).
 */
public class SimulatorAddress implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    public String baseUrl() {
        if (port < 0) {
            throw new IllegalStateException("the simulator's web server has not started");
        }
        return "http://127.0.0.1:" + port;
    }
}
