package org.csp.web.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SeriesChartTest {

    private static final SeriesBody.Indicator ASB = new SeriesBody.Indicator(
            "ASB-INCIDENTS", "Recorded anti-social behaviour incidents", "count", "quarterly", "lower-is-better");
    private static final SeriesBody.Place STROUD = new SeriesBody.Place("E07000082", "Stroud", "district");

    private static final String[] QUARTERS = {
        "2022-23-Q1", "2022-23-Q2", "2022-23-Q3", "2022-23-Q4", "2023-24-Q1", "2023-24-Q2", "2023-24-Q3", "2023-24-Q4"
    };

    /** Eight quarters; the fourth has no figure; the last is a special cause of concern above the upper limit. */
    private static SeriesBody series(SeriesBody.Indicator indicator) {
        int[] values = {410, 395, 420, -1, 405, 398, 415, 540};
        List<SeriesBody.Point> points = new ArrayList<>();
        for (int i = 0; i < QUARTERS.length; i++) {
            BigDecimal value = values[i] < 0 ? null : BigDecimal.valueOf(values[i]);
            List<SeriesBody.Flag> flags = i == 7
                    ? List.of(new SeriesBody.Flag("beyond-limit", "concern", true, "Above the upper process limit."))
                    : List.of();
            SeriesBody.Band band = i >= 4
                    ? new SeriesBody.Band(BigDecimal.valueOf(400), BigDecimal.valueOf(350), BigDecimal.valueOf(450))
                    : null;
            points.add(new SeriesBody.Point(
                    QUARTERS[i],
                    value,
                    null,
                    i >= 4 ? BigDecimal.valueOf(values[i - 4] < 0 ? 400 : values[i - 4]) : null,
                    BigDecimal.valueOf(380),
                    band,
                    flags));
        }
        SeriesBody.ProcessControl spc = new SeriesBody.ProcessControl(
                "2022-23-Q1",
                "2023-24-Q4",
                7,
                BigDecimal.valueOf(426),
                BigDecimal.valueOf(40),
                BigDecimal.valueOf(319.6),
                BigDecimal.valueOf(532.4),
                1);
        return new SeriesBody("stroud", indicator, STROUD, "2022-23-Q1", "2023-24-Q4", points, spc, null);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Document svg, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, svg, XPathConstants.NODESET);
    }

    @Test
    void eachFigureIsADotAndAPeriodWithoutOneBreaksTheLine() throws Exception {
        Document svg = parse(SeriesChart.svg(series(ASB), "asb"));
        assertEquals(2, nodes(svg, "//*[@class='csp-chart__value']").getLength(), "two runs: Q1-Q3, then 2023-24");
        assertEquals(6, nodes(svg, "//*[@class='csp-chart__point']").getLength(), "7 figures, one a special cause");
        NodeList causes = nodes(svg, "//*[contains(@class,'csp-chart__special-cause--concern')]");
        assertEquals(1, causes.getLength());
        assertEquals(
                "C",
                nodes(svg, "//*[contains(@class,'csp-chart__special-cause')]/*[local-name()='text']")
                        .item(0)
                        .getTextContent());
        assertTrue(causes.item(0).getTextContent().contains("Above the upper process limit."));
        assertEquals(1, nodes(svg, "//*[@class='csp-chart__band']").getLength(), "the band over its four quarters");
        assertEquals(1, nodes(svg, "//*[@class='csp-chart__mean']").getLength());
        assertEquals(2, nodes(svg, "//*[@class='csp-chart__limit']").getLength());
        assertEquals(1, nodes(svg, "//*[@class='csp-chart__target']").getLength(), "one unbroken target line");
    }

    @Test
    void everyMarkStaysInsideThePlotWithTheLimitsAboveTheFigures() throws Exception {
        Document svg = parse(SeriesChart.svg(series(ASB), "asb"));
        NodeList circles = nodes(svg, "//*[local-name()='circle']");
        for (int i = 0; i < circles.getLength(); i++) {
            double cy = Double.parseDouble(
                    circles.item(i).getAttributes().getNamedItem("cy").getNodeValue());
            assertTrue(cy >= SeriesChart.TOP && cy <= SeriesChart.HEIGHT - SeriesChart.BOTTOM, "cy " + cy);
        }
        NodeList limits = nodes(svg, "//*[@class='csp-chart__limit']");
        double upper = Double.parseDouble(
                limits.item(0).getAttributes().getNamedItem("y1").getNodeValue());
        assertTrue(upper >= SeriesChart.TOP, "the upper limit (532.4, above every figure) is inside: " + upper);
    }

    @Test
    void theImageNamesItselfAndDescribesTheSeriesInWords() throws Exception {
        Document svg = parse(SeriesChart.svg(series(ASB), "asb"));
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
        assertEquals("asb-title asb-desc", svg.getDocumentElement().getAttribute("aria-labelledby"));
        assertEquals(
                "Recorded anti-social behaviour incidents, Stroud, 2022/23 Q1 to 2023/24 Q4",
                nodes(svg, "/*/*[local-name()='title']").item(0).getTextContent());
        assertEquals(
                "7 periods with a figure, from 395 to 540. Latest: 540 in 2023/24 Q4, against 400 a year earlier;"
                        + " target 380. Process limits 319.6 to 532.4 around a mean of 426; 1 special cause.",
                nodes(svg, "/*/*[local-name()='desc']").item(0).getTextContent());
    }

    @Test
    void markupInTheCataloguesTextStaysText() throws Exception {
        SeriesBody.Indicator hostile = new SeriesBody.Indicator(
                "X", "<script>alert(1)</script> & \"more\"", "count", "quarterly", "lower-is-better");
        Document svg = parse(SeriesChart.svg(series(hostile), "x\"><script>"));
        assertEquals(0, nodes(svg, "//*[local-name()='script']").getLength());
        assertTrue(nodes(svg, "/*/*[local-name()='title']")
                .item(0)
                .getTextContent()
                .startsWith("<script>alert(1)</script> & \"more\""));
    }

    @Test
    void aSeriesWithoutFiguresSaysSo() throws Exception {
        SeriesBody empty = new SeriesBody("stroud", ASB, STROUD, "2022-23-Q1", "2022-23-Q2", List.of(), null, "none");
        Document svg = parse(SeriesChart.svg(empty, "e"));
        assertEquals(
                "No figures for these periods.",
                nodes(svg, "/*/*[local-name()='desc']").item(0).getTextContent());
        assertEquals(0, nodes(svg, "//*[local-name()='circle']").getLength());
    }
}
