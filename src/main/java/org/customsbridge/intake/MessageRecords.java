package org.customsbridge.intake;

import java.io.StringReader;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;

/**
 * The records of one message, from the JMS intake or an endpoint intake: a JSON record object, or
 * an array of them. A message that is not JSON of that shape is unreadable as a whole
 * ({@link UnreadableInputException}). The intake names the message ({@code customsSource}) so that
 * errors and the ledger say where a record came from.
 */
public class MessageRecords {

    private final InputFormats formats;

    public MessageRecords(InputFormats formats) {
        this.formats = formats;
    }

    public RecordReader records(@Body String body, @ExchangeProperty(CustomsConstants.SOURCE) String source) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new UnreadableInputException(source + ": the message is empty");
        }
        // one object is an array of one, so that both shapes are read by the same streaming reader
        String array = text.startsWith("{") ? "[" + text + "]" : text;
        return formats.openJson(source, new StringReader(array));
    }
}
