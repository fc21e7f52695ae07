package org.customsbridge.xml;

import javax.xml.stream.XMLInputFactory;

/**
 * The one place XML parsers are made: no DTDs, no external entities, no entity expansion. Every
 * reader in the bundle (input files, gateway answers) gets its factory here.
 */
public final class SafeXml {

    /**
     * Finding a StAX implementation scans the class path (ServiceLoader) on every newInstance(), which
     * serialised gateway answers on the jar lock; one factory per thread is made once. Per thread, not
     * shared, because not every implementation promises a thread-safe factory.
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SafeXml::newFactory);

    private SafeXml() {
    }

    public static XMLInputFactory inputFactory() {
        return FACTORY.get();
    }

    private static XMLInputFactory newFactory() {
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
