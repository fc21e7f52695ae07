package org.customsbridge;

import org.apache.camel.spi.Metadata;

/**
 * The names through which the routes and the beans they call hand data to each other: exchange
 * properties (which survive a call to another route, where headers would be a gateway's) and the
 * few headers of our own. Route files use the same names in {@code ${exchangeProperty.<name>}};
 * nothing else travels between routes and beans.
 */
public final class CustomsConstants {

    // one record on its way through declare-record

    /** The {@code RawRecord} being declared, as its intake read it; its results row echoes it. */
    @Metadata(description = "The record being declared, as read", javaType = "org.customsbridge.record.RawRecord")
    public static final String RECORD = "customsRecord";
    /** Whether the record passed its checks: {@code true} with a declaration in the body, {@code false}
     *  with an {@code InvalidRecord}. */
    @Metadata(description = "Whether the record passed enrichment and validation", javaType = "java.lang.Boolean")
    public static final String RECORD_VALID = "customsRecordValid";

    // an admitted declaration, around and inside its gateway call

    /** The {@code Declaration} a gateway route sends (set when the ledger admits it). */
    @Metadata(description = "The declaration being sent", javaType = "org.customsbridge.record.Declaration")
    public static final String DECLARATION = "customsDeclaration";
    /** Its declarationRequestId, for the steps that need no more of it (outcomes, resend counting). */
    @Metadata(description = "The declarationRequestId being sent", javaType = "java.lang.String")
    public static final String DECLARATION_REQUEST_ID = "customsDeclarationRequestId";
    /** The ledger's {@code Claim} it is sent under: the fencing check before every call and the outcome
     *  write check that the row still carries it. */
    @Metadata(description = "The claim the declaration is sent under", javaType = "org.customsbridge.ledger.Claim")
    public static final String CLAIM = "customsClaim";
    /** The gateway it goes through ({@code alipay-plus}, {@code mapi}, {@code wechat}): routes {@code declare-<gateway>}
     *  and {@code inquire-<gateway>} make its calls. */
    @Metadata(description = "The gateway of the declaration or query", javaType = "java.lang.String")
    public static final String GATEWAY = "customsGateway";
    /** The ids one query route ({@code inquire-<gateway>}) asks about: at most
     *  {@code customs.tracking.batch-size}. */
    @Metadata(description = "The declarationRequestIds of one query", javaType = "java.util.List<String>")
    public static final String INQUIRY_IDS = "customsInquiryIds";

    /** The one WeChat Pay order ({@code out_trade_no} at one customs) a query call of {@code inquire-wechat} asks about. */
    @Metadata(description = "The WeChat Pay order one query call asks about", javaType = "org.customsbridge.wechat.WechatOrder")
    public static final String WECHAT_ORDER = "customsWechatOrder";

    // one gateway call, set by the gateway's signer

    /** The API path of an Alipay+ call, which its signature covers. */
    @Metadata(description = "The API path of an Alipay+ call", javaType = "java.lang.String")
    public static final String ALIPAY_PLUS_PATH = "alipayPlusPath";
    /** The full URL a signed request goes to, whichever gateway signed it. */
    @Metadata(description = "The URL a signed gateway request goes to", javaType = "java.lang.String")
    public static final String GATEWAY_URL = "customsGatewayUrl";
    /** The operation of a gateway call ({@code alipay-plus.declare}, {@code mapi.query}...), for metrics. */
    @Metadata(description = "The operation of a gateway call, for metrics", javaType = "java.lang.String")
    public static final String GATEWAY_OPERATION = "customsGatewayOperation";

    // one input file

    /** The path of the input file being declared (headers do not survive a gateway call). */
    @Metadata(description = "The input file being declared", javaType = "java.nio.file.Path")
    public static final String INPUT = "customsInput";
    /** How many records the input holds, counted when it was checked. */
    @Metadata(description = "How many records the input holds", javaType = "java.lang.Long")
    public static final String RECORD_COUNT = "customsRecordCount";
    /** When the input's declaring started, for its summary line. */
    @Metadata(description = "When the input's declaring started", javaType = "java.time.Instant")
    public static final String STARTED = "customsStarted";
    /** The input's {@code ResultsFile}, which every record's row is appended to. */
    @Metadata(description = "The input's results file", javaType = "org.customsbridge.results.ResultsFile")
    public static final String RESULTS = "customsResults";
    /** Why an input went to {@code .error/} (the SFTP intake uploads it too). */
    @Metadata(description = "Why an input failed", javaType = "java.lang.String")
    public static final String REASON = "customsReason";
    /** Where the message being declared came from ({@code jms:<queue>/<message id>},
     *  {@code intake:<name>/<message id>}): errors name it, and the ledger keeps it as the source. */
    @Metadata(description = "The message being declared", javaType = "java.lang.String")
    public static final String SOURCE = "customsSource";

    // status event delivery

    /** The position in the outbox of the status event being delivered. */
    @Metadata(description = "The outbox id of the event being delivered", javaType = "java.lang.Long")
    public static final String EVENT_ID = "customsEventId";
    /** The JSON text of the status event being delivered (several: one per line). */
    @Metadata(description = "The event being delivered, as JSON (several events: one per line)", javaType = "java.lang.String")
    public static final String EVENT = "customsEvent";
    /** How many status events the delivery in hand holds (the file sink appends up to 50 lines at once). */
    @Metadata(description = "The number of events in the delivery", javaType = "java.lang.Integer")
    public static final String EVENTS = "customsEvents";

    /** The name of the sink a status event is being delivered to, for its dead-letter file. */
    @Metadata(description = "The status sink being delivered to", javaType = "java.lang.String")
    public static final String SINK = "customsSink";

    // headers

    /** The folder beside it on the SFTP server a remote input moves to once settled: {@code .done}, or
     *  {@code .error} once its reason is uploaded. */
    @Metadata(description = "Where a settled SFTP input moves: .done or .error", javaType = "java.lang.String")
    public static final String SFTP_SETTLED_IN = "customsSftpSettledIn";
    /** Header: the path on the SFTP server a file is uploaded to (results, reason files). */
    @Metadata(description = "The remote path of an SFTP upload", javaType = "java.lang.String")
    public static final String REMOTE_FILE_HEADER = "customsRemoteFile";
    /** Header of a message put on a dead-letter queue or endpoint: why it could not be read. */
    @Metadata(description = "Why a message went to the dead-letter queue or endpoint", javaType = "java.lang.String")
    public static final String REASON_HEADER = "CustomsReason";

    private CustomsConstants() {
    }
}
