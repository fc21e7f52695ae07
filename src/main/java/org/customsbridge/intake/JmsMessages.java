package org.customsbridge.intake;

import java.io.StringReader;

import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * The records of one JMS message: a JSON record object, or an array of them. A message that is
 * not JSON of that shape is unreadable as a whole ({@link UnreadableInputException}).
 */
public class JmsMessages {

    private final InputFormats formats;
    private final String queue;

    public JmsMessages(InputFormats formats, String queue) {
        this.formats = formats;
        this.queue = queue;
    }

    public RecordReader records(@Body String body, @Header("JMSMessageID") String messageId) {
        String text = body == null ? "" : body.strip();
        String source = "jms:" + queue + "/" + messageId;
        if (text.isEmpty()) {
            throw new UnreadableInputException(source + ": the message is empty");
        }
        // one object is an array of one, so that both shapes are read by the same streaming reader
        String array = text.startsWith("{") ? "[" + text + "]" : text;
        return formats.openJson(source, new StringReader(array));
    }
}
