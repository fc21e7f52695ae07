package org.customsbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.customsbridge.mapi.MapiAnswer;
import org.customsbridge.mapi.MapiAnswerVerifier;
import org.customsbridge.mapi.MapiApi;
import org.customsbridge.mapi.MapiDeclareRequestMapper;
import org.customsbridge.mapi.MapiForm;
import org.customsbridge.mapi.MapiQueryRequestMapper;
import org.customsbridge.record.Declaration;
import org.customsbridge.signing.MapiSignType;
import org.customsbridge.signing.MapiSigner;
import org.customsbridge.testsupport.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /gateway.do} over HTTP: form POST and GET reach the sandbox decoded, the answer is UTF-8 XML. */
class MapiSimulatorServletTest {

    static final String PARTNER = "2088101568338364";
    static final String MD5_KEY = "demokeyfordocsonly0123456789abcd";

    static KeyPair merchant;
    static KeyPair alipay;

    private SimulatorJournal journal;
    private MapiSimulatorServlet servlet;

    @BeforeAll
    static void keys() throws Exception {
        merchant = TestKeys.rsa2048();
        alipay = TestKeys.rsa2048();
    }

    @BeforeEach
    void servlet() throws Exception {
        journal = new SimulatorJournal();
        MapiSandbox sandbox = new MapiSandbox(PARTNER, MD5_KEY, merchant.getPublic(), alipay.getPrivate(),
                new SimulatedDeclarations(Clock.systemUTC(), Duration.ofSeconds(10)), journal, "UNPAID-");
        SimulatorSettings settings = new SimulatorSettings(true, "SANDBOX_5Y00000000001", Duration.ofSeconds(10),
                Duration.ZERO, "UNPAID-", PARTNER, MD5_KEY, "wxd678efh567hg6787", "1230000109", MD5_KEY, Duration.ZERO, 1000, Map.of(),
                new SimulatorSettings.Faults(0, 0, 0, 0, 0));
        servlet = new MapiSimulatorServlet(sandbox, settings, SimulatorRules.none(), journal);
        servlet.init(new MockServletConfig());
    }

    /** The request as the servlet container hands it over: form and query parameters decoded. */
    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.service(request.buildRequest(new MockServletContext()), response);
        return response;
    }

    static MapiSigner bundle(MapiSignType type) {
        return new MapiSigner(type, MD5_KEY, merchant.getPrivate(), alipay.getPublic());
    }

    @Test
    void formPostIsDecodedAsUtf8AndAnsweredAsSignedXml() throws Exception {
        Declaration declaration = new Declaration("DEC-000001", "PAY-1", "ZONGSHU", "hanguo", "杭州 跨境&旗舰店+",
                new BigDecimal("1.00"), false, null, "张三", null, "mapi");
        Map<String, String> params = bundle(MapiSignType.MD5)
                .signed(new MapiDeclareRequestMapper().toParams(declaration, PARTNER));

        MockHttpServletResponse response = call(post(MapiApi.GATEWAY_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(MapiForm.encode(params).getBytes(StandardCharsets.UTF_8)));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("text/xml; charset=UTF-8");
        byte[] body = response.getContentAsByteArray();

        MapiAnswer answer = new MapiAnswerVerifier(bundle(MapiSignType.MD5))
                .verify(new String(body, StandardCharsets.UTF_8));
        assertThat(answer.success()).isTrue();
        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
        assertThat(answer.request()).containsEntry("merchant_customs_name", "杭州 跨境&旗舰店+")
                .containsEntry("buyer_name", "张三");
    }

    @Test
    void getWithQueryParametersIsAnsweredToo() throws Exception {
        Map<String, String> params = bundle(MapiSignType.RSA2)
                .signed(new MapiQueryRequestMapper().toParams(List.of("DEC-000001", "DEC-000002"), PARTNER));

        // a URI, not a template: the query string is already encoded
        MockHttpServletResponse response = call(get(URI.create(MapiApi.GATEWAY_PATH + "?" + MapiForm.encode(params))));
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        MapiAnswer answer = new MapiAnswerVerifier(bundle(MapiSignType.RSA2)).verify(body);
        assertThat(answer.success()).as(body).isTrue();
        assertThat(answer.notFound()).containsExactly("DEC-000001", "DEC-000002");
        assertThat(journal.entries("mapi.query")).hasSize(1);
    }

    @Test
    void noParametersAtAllIsAGatewayError() throws Exception {
        MockHttpServletResponse response = call(post(MapiApi.GATEWAY_PATH));
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).contains("<is_success>F</is_success>").contains("<error>ILLEGAL_PARTNER</error>");
    }
}
