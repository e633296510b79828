package org.csp.eventcatalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.csp.contracts.ApprovedJson;
import org.junit.jupiter.api.Test;

/** The HTML page has a section per topic and per type, and escapes every text it takes from the document. */
class CatalogueHtmlTest {

    @Test
    void everyTopicAndEveryTypeHasItsSection() {
        String html = CatalogueHtml.render(AsyncApiDocument.of(Topic.ALL));

        for (Topic topic : Topic.ALL) {
            assertTrue(html.contains("<h2 id=\"" + topic.address() + "\">"), "no section for " + topic.address());
        }
        for (String type : ApprovedJson.allTypes()) {
            assertTrue(html.contains("<h3 id=\"" + type + "\">"), "no section for " + type);
            assertTrue(html.contains("<a href=\"#" + type + "\">"), "no row links to " + type);
        }
    }

    @Test
    void textFromTheDocumentIsEscaped() {
        ObjectNode document = AsyncApiDocument.of(Topic.ALL);
        ((ObjectNode) document.get("components").get("messages").get("plan.plan.revised.v1"))
                .put("summary", "<script>alert('x')</script> & `code`");

        String html = CatalogueHtml.render(document);

        assertFalse(html.contains("<script>"), "a script element got through");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <code>code</code>"));
    }

    @Test
    void escapeReplacesTheFiveMarkupCharacters() {
        assertEquals(
                "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;", CatalogueHtml.escape("<a href=\"x\">'&'</a>"));
    }
}
