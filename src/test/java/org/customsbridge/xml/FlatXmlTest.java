package org.customsbridge.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FlatXmlTest {

    @Test
    void writesEveryValueAsCdataAndReadsItBack() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "张三 <&> \"x\"");
        fields.put("odd", "a]]>b");
        fields.put("empty", "");
        fields.put("absent", null);

        String xml = FlatXml.write("xml", fields);

        assertThat(xml).startsWith("<xml><name><![CDATA[张三 <&> \"x\"]]></name>").doesNotContain("absent");
        assertThat(FlatXml.read(xml, "xml")).containsExactly(Map.entry("name", "张三 <&> \"x\""),
                Map.entry("odd", "a]]>b"), Map.entry("empty", ""));
    }

    @Test
    void readsPlainTextAndCdataAlike() throws Exception {
        assertThat(FlatXml.read("<?xml version=\"1.0\"?>\n<xml>\n  <a>1</a>\n  <b><![CDATA[2]]></b><!-- c -->\n</xml>",
                "xml")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void refusesWhatCouldHideOrFetchSomething() {
        assertThatThrownBy(() -> FlatXml.read("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><a>&e;</a></xml>", "xml")).isInstanceOf(FlatXml.NotFlatXmlException.class);
        assertThatThrownBy(() -> FlatXml.read("<xml><a>1</a><a>2</a></xml>", "xml"))
                .hasMessage("<a> is named twice");
        assertThatThrownBy(() -> FlatXml.read("<xml><a><b>1</b></a></xml>", "xml"))
                .hasMessage("<a> holds elements, not text");
        assertThatThrownBy(() -> FlatXml.read("<root><a>1</a></root>", "xml"))
                .hasMessage("the root is <root>, not <xml>");
        assertThatThrownBy(() -> FlatXml.read("<xml><a>1</a>", "xml"))
                .isInstanceOf(FlatXml.NotFlatXmlException.class).hasMessageStartingWith("not well-formed XML");
        assertThatThrownBy(() -> FlatXml.read("", "xml")).hasMessage("empty document");
    }
}
