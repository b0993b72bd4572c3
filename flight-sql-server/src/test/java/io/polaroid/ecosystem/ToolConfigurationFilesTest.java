package io.polaroid.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The files users copy into their tools, read as the tools read them: {@code docs/polaroid.tdc} (Tableau) and the
 * {@code drivers.xml} entry of {@code docs/dbeaver.md} (DBeaver). Neither tool runs here; this checks that the
 * files are well-formed and agree with the driver: its class, its URL forms, and the SQL style the Tableau
 * tests assume.
 */
class ToolConfigurationFilesTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void tableauCustomizationTargetsTheGenericJdbcConnectorWithLimitStyleTopN() throws Exception {
        Document tdc = parse(Files.readString(DOCS.resolve("polaroid.tdc")));
        Element root = tdc.getDocumentElement();
        assertEquals("connection-customization", root.getTagName());
        // Tableau's rule: for the Other Databases (JDBC) connector, class, vendor and driver are its class name
        assertEquals("genericjdbc", root.getAttribute("class"));
        assertEquals("genericjdbc", single(root, "vendor").getAttribute("name"));
        assertEquals("genericjdbc", single(root, "driver").getAttribute("name"));
        Map<String, String> capabilities = new HashMap<>();
        NodeList customizations = root.getElementsByTagName("customization");
        for (int i = 0; i < customizations.getLength(); i++) {
            Element customization = (Element) customizations.item(i);
            String name = customization.getAttribute("name");
            assertTrue(name.startsWith("CAP_"), name);
            assertTrue(capabilities.put(name, customization.getAttribute("value")) == null, "twice: " + name);
        }
        // TableauSqlTest runs the SQL these settings make Tableau generate
        assertEquals("yes", capabilities.get("CAP_QUERY_TOPSTYLE_LIMIT"));
        assertEquals("no", capabilities.get("CAP_QUERY_TOPSTYLE_TOP"));
        assertEquals("no", capabilities.get("CAP_CREATE_TEMP_TABLES"));
    }

    @Test
    void dbeaverDriverEntryNamesTheDriverClassAndAUrlItAccepts() throws Exception {
        Matcher block = Pattern.compile("```xml\\n(<drivers>.*?</drivers>)\\n```", Pattern.DOTALL)
                .matcher(Files.readString(DOCS.resolve("dbeaver.md")));
        assertTrue(block.find(), "dbeaver.md has a drivers.xml entry");
        Element driver = single(parse(block.group(1)).getDocumentElement(), "driver");
        Class<?> driverClass = Class.forName(driver.getAttribute("class"));
        assertTrue(Driver.class.isAssignableFrom(driverClass), driverClass.getName());
        String url = driver.getAttribute("url").replace("{host}", "127.0.0.1").replace("{port}", driver.getAttribute("port"));
        assertTrue(DriverManager.getDriver(url).getClass() == driverClass, url);
        assertTrue(single(driver, "library").getAttribute("path").matches(".*/polaroid-jdbc-[^/]+-all\\.jar"),
                "the entry points at the single driver jar");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Element single(Element parent, String tag) throws IOException {
        NodeList nodes = parent.getElementsByTagName(tag);
        if (nodes.getLength() != 1) {
            throw new IOException("expected one <" + tag + "> in <" + parent.getTagName() + ">, found " + nodes.getLength());
        }
        return (Element) nodes.item(0);
    }
}
