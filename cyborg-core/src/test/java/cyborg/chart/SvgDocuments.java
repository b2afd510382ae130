package cyborg.chart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Test helper: parses SVG output with the JDK's XML parser, failing the test if it is not XML. */
public final class SvgDocuments {

    private static final Pattern STROKE = Pattern.compile("(?:^|;)\\s*stroke:\\s*([^;]+)");

    private SvgDocuments() {
    }

    public static Document parse(String svg) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    public static Document parse(Path svgFile) throws IOException {
        return parse(Files.readString(svgFile));
    }

    public static List<Element> elements(Document svg, String tag) {
        NodeList nodes = svg.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /**
     * The stroked paths outside clip definitions that join three points or more: the drawn
     * lines of a chart (a legend's sample line has two points, text outlines are filled).
     */
    public static List<Element> drawnLines(Document svg) {
        return elements(svg, "path").stream()
                .filter(p -> !"clipPath".equals(p.getParentNode().getNodeName()))
                .filter(p -> strokeOf(p) != null)
                .filter(p -> p.getAttribute("d").split("[LMC]").length > 3)
                .toList();
    }

    /** The stroke colour an element is drawn with, set on it or on its enclosing group; null for none. */
    public static String strokeOf(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            Matcher m = STROKE.matcher(el.getAttribute("style"));
            if (m.find()) {
                String stroke = m.group(1).trim();
                return stroke.equals("none") ? null : stroke;
            }
        }
        return null;
    }

    public static List<String> texts(Document svg) {
        return elements(svg, "text").stream().map(Element::getTextContent).toList();
    }
}
