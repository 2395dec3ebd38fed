package org.sgm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * sgm-bom repeats the root POM's lifted third-party versions for SGM's users (it cannot import them: it has no
 * parent, and the root cannot import a BOM of its own reactor): every version it names must be the root POM's, and
 * it must name every SGM module at the project's version.
 */
class BomVersionsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theBomsVersionsAreTheRootPomsVersions() throws Exception {
        Document root = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("sgm-bom/pom.xml"));
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList props = ((Element) root.getElementsByTagName("properties").item(0)).getChildNodes();
        for (int i = 0; i < props.getLength(); i++) {
            if (props.item(i) instanceof Element e) {
                properties.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        String version = text(root.getDocumentElement(), "version");
        assertEquals(version, text(bom.getDocumentElement(), "version"));
        Map<String, String> managed = managed(root, properties, version);
        Map<String, String> inBom = managed(bom, properties, version);
        for (String module : new String[] {"sgm-core", "sgm-data", "sgm-models", "sgm-eval", "sgm-examples",
            "sgm-cli", "sgm-spark"}) {
            assertEquals(version, inBom.get("org.sgm:" + module), module);
        }
        int thirdParty = 0;
        for (Map.Entry<String, String> e : inBom.entrySet()) {
            if (!e.getKey().startsWith("org.sgm:")) {
                assertEquals(managed.get(e.getKey()), e.getValue(), e.getKey() + " in sgm-bom vs the root POM");
                thirdParty++;
            }
        }
        assertTrue(thirdParty >= 5, "the BOM carries the lifted versions");
    }

    private static Map<String, String> managed(Document pom, Map<String, String> properties, String version) {
        Map<String, String> out = new LinkedHashMap<>();
        Element dm = (Element) pom.getElementsByTagName("dependencyManagement").item(0);
        NodeList deps = dm.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (d.getElementsByTagName("classifier").getLength() > 0 || d.getElementsByTagName("type").getLength() > 0) {
                continue;
            }
            String v = text(d, "version").replace("${project.version}", version);
            if (v.startsWith("${")) {
                v = properties.get(v.substring(2, v.length() - 1));
            }
            out.put(text(d, "groupId") + ":" + text(d, "artifactId"), v);
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + tag + "> in <" + parent.getTagName() + ">");
    }

    private static Document read(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
