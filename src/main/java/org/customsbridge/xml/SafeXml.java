package org.customsbridge.xml;

import javax.xml.stream.XMLInputFactory;

/**
 * The one place XML parsers are made: no DTDs, no external entities, no entity expansion. Every
 * reader in the bundle (input files, gateway answers) gets its factory here.
 */
public final class SafeXml {

    private SafeXml() {
    }

    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external entity refused: " + systemId);
        });
        return factory;
    }
}
