package org.csp.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    /** Every format of each kind the check refuses, in a sentence or alone. */
    private static final List<String> E_MAIL_ADDRESSES = List.of(
            "Contact jane.doe@example.org for details",
            "write to j.doe (at) example.co.uk",
            "j_doe+csp@mail.example.gov.uk",
            "jane [at] example.com");

    private static final List<String> TELEPHONE_NUMBERS = List.of(
            "call 07700 900123",
            "mobile 07700900123",
            "+44 7700 900 123",
            "+447700900123",
            "+44 (0)1453 766321",
            "ring 01453 766321 after six",
            "(01453) 766 321",
            "020 7946 0018",
            "0044 1453 766321",
            "01453-766-321",
            "tel: 01453.766.321",
            "Tel.07700900123",
            "0800 123 4567",
            "(07700 900123)");

    private static final List<String> POSTCODES = List.of(
            "lives at GL5 4UB",
            "gl54ub",
            "near SW1A 1AA.",
            "postcode GL11 4NR",
            "M1 1AE",
            "B33 8TH",
            "CR2 6XH",
            "DN55 1PT",
            "W1A 0AX",
            "EC1A 1BB",
            "GIR 0AA");

    @Test
    void everyListedFormatOfAnEMailAddressTelephoneNumberAndFullPostcodeIsFound() {
        E_MAIL_ADDRESSES.forEach(text -> assertEquals("an e-mail address", PersonalData.find(text), text));
        TELEPHONE_NUMBERS.forEach(text -> assertEquals("a telephone number", PersonalData.find(text), text));
        POSTCODES.forEach(text -> assertEquals("a full postcode", PersonalData.find(text), text));
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

    /** The UUID that once failed CI: its hex digits 03696405937 were taken for a telephone number. */
    @Test
    void digitsInsideATokenOfLettersAndDigitsAreNoTelephoneNumberOrPostcode() {
        for (String text : List.of(
                "Hate awareness assembly 5c0e4f1a-9b2d-4e7a-8c03696405937f",
                "Hate awareness assembly 5c0e4f1a-9b2d-4e7a-8c1f-a03696405937",
                "sha256 9f03696405937ab14537663210e5",
                "ref X07700900123Y",
                "batch GL54UB2",
                "tag aGL5 4UB")) {
            assertNull(PersonalData.find(text), text);
        }
    }

    /**
     * A property, over fixed inputs: 100,000 UUIDs, hashes, ISO dates and timestamps drawn from one seeded generator
     * (the same every run), alone and inside a sentence, hold no personal data.
     */
    @Test
    void identifiersDatesAndTimestampsNeverHoldPersonalData() {
        Random random = new Random(20261205L);
        List<Function<Random, String>> kinds = List.of(
                r -> new UUID(r.nextLong(), r.nextLong()).toString(),
                r -> HexFormat.of().formatHex(bytes(r, 32)),
                r -> LocalDate.ofEpochDay(r.nextInt(-40_000, 80_000)).toString(),
                r -> Instant.ofEpochSecond(r.nextLong(0, 4_000_000_000L), r.nextInt(1_000_000_000))
                        .toString(),
                r -> OffsetDateTime.ofInstant(
                                Instant.ofEpochSecond(r.nextLong(0, 4_000_000_000L), r.nextInt(1_000_000_000)),
                                ZoneOffset.ofHours(r.nextInt(-12, 15)))
                        .toString());
        for (int i = 0; i < 100_000; i++) {
            String token = kinds.get(i % kinds.size()).apply(random);
            assertNull(PersonalData.find(token), token);
            String sentence = "Community safety stall " + token + " at the market";
            assertNull(PersonalData.find(sentence), sentence);
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
