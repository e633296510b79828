package org.csp.web.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnershipChoiceTest {

    @Test
    void aPersonOfOnePartnershipHasOnlyThatOne() {
        assertEquals(List.of("stroud"), PartnershipChoice.served("stroud", List.of("cotswold", "gloucester")));
    }

    @Test
    void aPersonServingSeveralHasThemInOrderWithoutAnythingThatIsNotAnId() {
        assertEquals(
                List.of("cotswold", "forest-of-dean", "stroud"),
                PartnershipChoice.served(null, List.of("\"stroud\"", "forest-of-dean", "cotswold", "Bad Id", "")));
        assertEquals(List.of(), PartnershipChoice.served(null, null));
        assertEquals(List.of("stroud"), PartnershipChoice.served(null, "stroud"));
    }

    @Test
    void onlyCallsAboutOnePartnershipThatDoNotNameItAreGivenTheChoice() {
        assertTrue(PartnershipParameter.named(URI.create("http://gw/api/views/quarterly/2024-25-Q2")));
        assertTrue(PartnershipParameter.named(URI.create("http://gw/api/indicators/X/data-points?from=2024-04")));
        assertFalse(PartnershipParameter.named(URI.create("http://gw/api/feeds/county/2024-25-Q2")));
        assertFalse(PartnershipParameter.named(URI.create("http://gw/api/public/stroud/2024-25-Q2")));
        assertFalse(PartnershipParameter.named(URI.create("http://gw/api/plans?partnership=stroud")));
        assertFalse(PartnershipParameter.named(URI.create("http://gw/api/plans?x=1&partnership=stroud")));
        assertTrue(PartnershipParameter.named(URI.create("http://gw/api/plans?subpartnership=stroud")));
    }

    @Test
    void theSwitcherGoesBackOnlyToAPageOfThisSite() {
        assertTrue(PartnershipResource.PAGE.matcher("/quarters/2024-25-Q2").matches());
        assertTrue(PartnershipResource.PAGE
                .matcher("/indicators/ASB?from=2024-25-Q1&to=2024-25-Q2")
                .matches());
        assertFalse(PartnershipResource.PAGE.matcher("//attacker.example/x").matches());
        assertFalse(PartnershipResource.PAGE.matcher("/\\attacker.example").matches());
        assertFalse(PartnershipResource.PAGE.matcher("https://attacker.example").matches());
        assertFalse(PartnershipResource.PAGE.matcher("/x\r\nSet-Cookie: a=b").matches());
    }
}
