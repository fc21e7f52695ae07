package org.customsbridge.simulator;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.ApplicationListener;

/**
 * Where the built-in simulator listens: this application's own HTTP port, known only once the web
 * server has started (it may be a random port in tests), over HTTPS when the server has TLS
 * ({@code server.ssl.*}).
 */
public class SimulatorAddress implements ApplicationListener<WebServerInitializedEvent> {

    /** Set once the server has started; asked for by every call to the simulator. */
    private volatile String baseUrl;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            ServerProperties server = event.getApplicationContext().getBeanProvider(ServerProperties.class)
                    .getIfAvailable();
            boolean tls = server != null && Ssl.isEnabled(server.getSsl());
            baseUrl = (tls ? "https" : "http") + "://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    public String baseUrl() {
        String started = baseUrl;
        if (started == null) {
            throw new IllegalStateException("the simulator's web server has not started");
        }
        return started;
    }
}
