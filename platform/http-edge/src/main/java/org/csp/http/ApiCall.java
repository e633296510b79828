package org.csp.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.csp.calendar.UkCalendar;
import org.csp.eventsourcing.Actor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a resource needs to know about the call it answers, in one place: the partnership it is about (and whether the
 * caller reaches it), who makes it, its body read with the API's strict rules, and what day it is in the UK.
 */
@ApplicationScoped
public class ApiCall {

    private final Partnerships partnerships;
    private final Instance<JsonWebToken> token;
    private final ObjectMapper json;
    private final ObjectMapper exact;
    private final Clock clock;

    public ApiCall(Partnerships partnerships, Instance<JsonWebToken> token, ObjectMapper json, Clock clock) {
        this.partnerships = partnerships;
        this.token = token;
        this.json = json;
        this.exact = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.clock = clock;
    }

    /** The partnership of this call: the one asked for or the caller's own; 403 when the caller does not reach it. */
    public String partnership(String requested) {
        return partnerships.resolve(requested);
    }

    /** The one partnership a call spanning partnerships is limited to; null for a county-wide caller that named none. */
    public String partnershipScope(String requested) {
        return partnerships.scope(requested);
    }

    /** The partnerships the caller reaches: a person's own, or those a machine client serves. */
    public Set<String> served() {
        return partnerships.served();
    }

    /** Who makes the call: the token's subject and client. */
    public Actor actor() {
        return Actor.of(token.get());
    }

    /** The token's claim {@code name}, or null. */
    public String claim(String name) {
        return token.get().getClaim(name);
    }

    /** The request body as a JSON tree, read strictly (duplicate keys, trailing data: 400). */
    public JsonNode tree(byte[] body) {
        return Bodies.tree(json, body);
    }

    /** The request body as a JSON tree whose decimals stay exact (figures), read strictly. */
    public JsonNode exactTree(byte[] body) {
        return Bodies.tree(exact, body);
    }

    /** {@code current} as its API request, merged with the JSON merge patch {@code patch}, read back strictly. */
    public <B> B patch(B current, JsonNode patch, Class<B> type) {
        return Bodies.patch(json, current, patch, type);
    }

    /** A JSON tree read strictly as {@code type}. */
    public <B> B read(JsonNode tree, Class<B> type) {
        return Bodies.read(json, tree, type);
    }

    /** Today in the UK. */
    public LocalDate today() {
        return UkCalendar.today(clock);
    }

    /** The API's mapper, for what a resource writes itself (a stored idempotent answer). */
    public ObjectMapper json() {
        return json;
    }
}
