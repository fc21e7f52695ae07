package org.customsbridge.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.Exchange;
import org.customsbridge.CustomsConstants;

/**
 * The messages of an endpoint intake of format file: each is written to the intake's staging folder
 * under its file name, and declared from there by declare-file exactly as a dropped file. The name is
 * the message's {@code CamelFileName} (its last part only: a message never chooses the folder), else
 * the intake's {@code file-name} expression.
 */
public class EndpointFiles {

    private final EndpointIntakes intakes;

    public EndpointFiles(EndpointIntakes intakes) {
        this.intakes = intakes;
    }

    /**
     * Writes the message to {@code <staging>/<intake>/<file name>} and makes it the input to declare. A
     * message without a usable name is kept too, as {@code <exchange id>.message}, and refused as
     * unreadable: the intake's error handling moves it to {@code .error/} beside its reason.
     */
    public void stage(Exchange exchange, String intake) {
        String problem = null;
        String name;
        try {
            name = fileName(exchange, intake);
        } catch (UnreadableInputException e) {
            problem = e.getMessage();
            name = exchange.getExchangeId() + ".message";
        }
        Path folder = intakes.stagingFolder(intake);
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            InputStream body = exchange.getMessage().getBody(InputStream.class);
            try (InputStream in = body == null ? InputStream.nullInputStream() : body) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("intake " + intake + ": cannot write " + file, e);
        }
        exchange.setProperty(CustomsConstants.INPUT, file);
        if (problem != null) {
            throw new UnreadableInputException(problem);
        }
    }

    /** Removes the staged copy once its results file is committed (the message is acknowledged next). */
    public void finish(Exchange exchange) throws IOException {
        Path file = exchange.getProperty(CustomsConstants.INPUT, Path.class);
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private String fileName(Exchange exchange, String intake) {
        String header = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        String name;
        if (EndpointIntakeSettings.isSet(header)) {
            name = header.strip();
        } else {
            String expression = intakes.settings().endpoints().get(intake).fileName();
            if (!EndpointIntakeSettings.isSet(expression)) {
                throw new UnreadableInputException("intake " + intake + ": the message has no CamelFileName header "
                        + "and customs.intake.endpoints." + intake + ".file-name is not set");
            }
            name = exchange.getContext().resolveLanguage("simple").createExpression(expression.strip())
                    .evaluate(exchange, String.class);
        }
        // the last part only: a name such as ../../x must not leave the staging folder
        Path last = name == null || name.isBlank() ? null : Path.of(name.replace('\\', '/')).getFileName();
        if (last == null || last.toString().equals("..") || last.toString().equals(".")) {
            throw new UnreadableInputException("intake " + intake + ": the message's file name is unusable: " + name);
        }
        return last.toString();
    }
}
