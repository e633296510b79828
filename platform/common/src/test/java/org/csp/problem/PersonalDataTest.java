package org.csp.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void eMailAddressesPhoneNumbersAndFullPostcodesAreFound() {
        for (String text : List.of("Contact jane.doe@example.org for details", "write to j.doe (at) example.co.uk")) {
            assertEquals("an e-mail address", PersonalData.find(text), text);
        }
        for (String text : List.of(
                "call 07700 900123",
                "mobile 07700900123",
                "+44 7700 900 123",
                "+447700900123",
                "ring 01453 766321 after six",
                "(01453) 766 321",
                "020 7946 0018",
                "0044 1453 766321")) {
            assertEquals("a telephone number", PersonalData.find(text), text);
        }
        for (String text : List.of("lives at GL5 4UB", "gl54ub", "near SW1A 1AA.", "postcode GL11 4NR")) {
            assertEquals("a full postcode", PersonalData.find(text), text);
        }
    }

    @Test
    void ordinaryTextPasses() {
        for (String text : List.of(
                "Workshop for 23 residents in the GL5 area on 2024-08-14",
                "Case ASB-CR-2024-007: three complaints in six months",
                "Budget 2024/25: £12,000",
                "Room 1453",
                "Ward E05010965 and district E07000082",
                "Call 101 or 999 in an emergency",
                "Year 10 and 11 pupils",
                "Reference 1234567890")) {
            assertNull(PersonalData.find(text), text);
        }
    }
}
