package org.csp.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.ReportingPeriod;
import org.csp.deploy.demo.DemoData.CaseReview;
import org.csp.deploy.demo.DemoData.Engagement;
import org.csp.deploy.demo.DemoData.Figure;
import org.csp.deploy.demo.DemoData.Initiative;
import org.csp.deploy.demo.DemoData.Progress;
import org.csp.deploy.demo.DemoData.Report;
import org.csp.deploy.demo.DemoData.Review;
import org.csp.deploy.demo.DemoData.Survey;

/**
 * Posts a {@link DemoData} set through the gateway's public API with the demo realm's tokens, as the people and partner
 * systems who would: the police client and Stroud District Council's client post their figures in batches, the
 * coordinator the figures of the other sources, progress by the priority's lead (priority 1 {@code lead}, 2 and 3
 * {@code lead2}, 4 and 5 the coordinator), reviews by the coordinator, engagement by the engagement officer.
 *
 * <p>Safe to run again: batches and engagement records carry an Idempotency-Key made from their content (a repeat gets
 * the first answer and records nothing), the same progress or report again changes nothing, and what exists already
 * (a review opened, a consultation, a case review) answers 409 and is left as it is. Nothing dated after {@code today}
 * is posted (the API refuses figures for the future).
 */
public final class DemoLoader {

    /** Who signs in: a demo user's or a machine client's access token by name. */
    public interface Credentials {
        String user(String name);

        String client(String clientId);
    }

    /**
     * What a load did: figure rows the measures-service read (not counting a batch it had answered before) and what it
     * made of them; progress reports and review reports sent; reviews closed; engagement records, surveys, case
     * reviews and family-group figures created; requests answered with the first answer to their Idempotency-Key ({@code replayed}: nothing
     * stored).
     */
    public record Loaded(
            int figureRows,
            int recorded,
            int revised,
            int unchanged,
            int progress,
            int reports,
            int reviewsClosed,
            int engagements,
            int surveys,
            int caseReviews,
            int comparators,
            int replayed) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(1);
    private static final int MAX_ROWS = 5_000;

    /** The demo realm's lead2 (its user id in deploy/keycloak/csp-realm.json), whom the coordinator maps to 2 and 3. */
    static final String LEAD2_SUBJECT = "8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72";

    private final String gateway;
    private final Credentials credentials;
    private final LocalDate today;
    private final Consumer<String> log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String[]> tokens = new LinkedHashMap<>();
    private int replayed;

    public DemoLoader(String gateway, Credentials credentials, LocalDate today, Consumer<String> log) {
        this.gateway = gateway;
        this.credentials = credentials;
        this.today = today;
        this.log = log;
    }

    /** Stroud's initiatives as the plan-service holds them: id, priority, timescale. */
    public List<Initiative> initiatives() {
        List<Initiative> initiatives = new ArrayList<>();
        for (JsonNode summary : expect(get("/api/initiatives", coordinator()), 200)) {
            if (summary.path("retired").asBoolean()) {
                continue;
            }
            String id = summary.get("id").asText();
            JsonNode one = expect(get("/api/initiatives/" + id, coordinator()), 200);
            initiatives.add(new Initiative(
                    id,
                    one.get("priority").asInt(),
                    LocalDate.parse(one.get("start").asText()),
                    LocalDate.parse(one.get("due").asText())));
        }
        return initiatives;
    }

    public Loaded load(DemoData data) {
        replayed = 0;
        // everything a quarter's view shows goes in before its review closes: a closed quarter's view is frozen
        int[] figures = postFigures("figures", data.figures());
        int engagements = postEngagements(data.engagements());
        int surveys = postSurveys(data.surveys());
        int caseReviews = postCaseReviews(data.caseReviews());
        int comparators = postComparators(data.comparators());
        int[] plan = postProgressAndReviews(data.progress(), data.reviews());
        // but the corrections come after: a closed quarter shows them as later revisions
        int[] revisions = postFigures("revisions", data.revisions());
        return new Loaded(
                figures[0] + revisions[0],
                figures[1] + revisions[1],
                figures[2] + revisions[2],
                figures[3] + revisions[3],
                plan[0],
                plan[1],
                plan[2],
                engagements,
                surveys,
                caseReviews,
                comparators,
                replayed);
    }

    // ---------------------------------------------------------------------------------------------- figures

    /** Posts the figures in batches by poster and financial year; returns rows, recorded, revised, unchanged. */
    private int[] postFigures(String what, List<Figure> figures) {
        Map<String, List<Figure>> batches = new TreeMap<>();
        for (Figure f : figures) {
            if (!ReportingPeriod.parse(f.period()).orElseThrow().firstDay().isAfter(today)) {
                batches.computeIfAbsent(poster(f.source()) + " " + f.quarter().financialYear(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        int[] totals = new int[4];
        for (Map.Entry<String, List<Figure>> batch : batches.entrySet()) {
            String poster = batch.getKey().substring(0, batch.getKey().indexOf(' '));
            List<Figure> rows = batch.getValue();
            for (int from = 0; from < rows.size(); from += MAX_ROWS) {
                ArrayNode body = JSON.createArrayNode();
                for (Figure f : rows.subList(from, Math.min(rows.size(), from + MAX_ROWS))) {
                    ObjectNode row = body.addObject()
                            .put("indicator", f.indicator())
                            .put("period", f.period())
                            .put("geography", f.geography())
                            .put("value", f.value())
                            .put("status", f.status())
                            .put("reason", f.reason());
                    if (poster.equals("coordinator")) {
                        row.put("source", f.source());
                    }
                }
                String text = body.toString();
                Reply reply =
                        send("POST", "/api/data-points/batch", token(poster), text, "demo-" + what + "-" + hash(text));
                JsonNode result = expect(reply, 200);
                if (reply.replayed()) {
                    replayed++;
                    continue;
                }
                totals[0] += result.get("rows").asInt();
                totals[1] += result.get("recorded").asInt();
                totals[2] += result.get("revised").asInt();
                totals[3] += result.get("unchanged").asInt();
            }
            log.accept("demo " + what + " " + batch.getKey() + ": " + rows.size() + " rows sent");
        }
        return totals;
    }

    /** Who posts a source's figures: the partner system where the realm has one, the coordinator otherwise. */
    private static String poster(String source) {
        return switch (source) {
            case "gloucestershire-constabulary" -> "client:police-gloucestershire";
            case "stroud-district-council" -> "client:stroud-district-council";
            default -> "coordinator";
        };
    }

    /** The family group's figures, by the coordinator; returns how many were new (200: already so). */
    private int postComparators(List<DemoData.Comparator> comparators) {
        int recorded = 0;
        for (DemoData.Comparator c : comparators) {
            if (ReportingPeriod.parse(c.period()).orElseThrow().firstDay().isAfter(today)) {
                continue;
            }
            ObjectNode body = JSON.createObjectNode()
                    .put("period", c.period())
                    .put("geography", c.geography())
                    .put("value", c.value())
                    .put("average", c.average())
                    .put("lower", c.lower())
                    .put("upper", c.upper())
                    .put("rank", c.rank())
                    .put("groupSize", c.groupSize());
            Reply reply = post(
                    "/api/indicators/" + c.indicator() + "/comparators?partnership=" + c.partnership(),
                    coordinator(),
                    body.toString());
            expect(reply, 201, 200);
            if (reply.status() == 201) {
                recorded++;
            }
        }
        log.accept("demo family-group figures: " + recorded + " recorded");
        return recorded;
    }

    // ---------------------------------------------------------------------------------------------- plan

    /** Returns progress posted, reports submitted, reviews closed. */
    private int[] postProgressAndReviews(List<Progress> progress, List<Review> reviews) {
        mapLead2();
        Map<FinancialQuarter, List<Progress>> progressByQuarter =
                progress.stream().collect(Collectors.groupingBy(Progress::quarter, TreeMap::new, Collectors.toList()));
        Map<FinancialQuarter, Review> reviewByQuarter = new TreeMap<>();
        reviews.forEach(r -> reviewByQuarter.put(r.quarter(), r));
        TreeSet<FinancialQuarter> quarters = new TreeSet<>(progressByQuarter.keySet());
        quarters.addAll(reviewByQuarter.keySet());
        int posted = 0;
        int reported = 0;
        int closed = 0;
        for (FinancialQuarter q : quarters) {
            if (q.firstDay().isAfter(today)) {
                continue;
            }
            Review review = reviewByQuarter.get(q);
            if (review != null) {
                expect(post("/api/reviews", coordinator(), "{\"quarter\": \"" + q.label() + "\"}"), 201, 409);
            }
            if (review != null && isClosed(q)) {
                continue; // loaded before: a closed quarter's progress is frozen
            }
            for (Progress p : progressByQuarter.getOrDefault(q, List.of())) {
                ObjectNode body = JSON.createObjectNode()
                        .put("quarter", q.label())
                        .put("status", p.status())
                        .put("rag", p.rag())
                        .put("commentary", p.commentary());
                expect(
                        post(
                                "/api/initiatives/" + p.initiativeId() + "/progress",
                                reporter(p.priority()),
                                body.toString()),
                        200);
                posted++;
            }
            if (review == null) {
                continue;
            }
            for (Report report : review.reports()) {
                String token = reporter(report.priority());
                ObjectNode body = JSON.createObjectNode().put("summary", report.summary());
                body.putArray("initiatives");
                String path = "/api/reviews/" + q.pathId();
                expect(
                        send(
                                "PUT",
                                path + "/reports/" + report.priority(),
                                token,
                                body.toString(),
                                null,
                                etag(path, token)),
                        200);
                reported++;
            }
            if (review.closed()) {
                String path = "/api/reviews/" + q.pathId();
                expect(send("POST", path + "/close", coordinator(), null, null, etag(path, coordinator())), 200);
                closed++;
            }
            log.accept("demo progress " + q.label() + ": "
                    + progressByQuarter.getOrDefault(q, List.of()).size() + " initiatives, "
                    + review.reports().size() + " reports" + (review.closed() ? ", closed" : ""));
        }
        return new int[] {posted, reported, closed};
    }

    /** lead2 reports for priorities 2 and 3 once the coordinator has made them theirs (a change needs If-Match). */
    private void mapLead2() {
        String path = "/api/priority-leads/" + LEAD2_SUBJECT;
        Reply current = get(path, coordinator());
        if (current.status() == 200
                && json(current.body()).path("priorities").toString().equals("[2,3]")) {
            return;
        }
        String ifMatch = current.status() == 200 ? current.etag() : null;
        expect(send("PUT", path, coordinator(), "{\"priorities\": [2, 3]}", null, ifMatch), 200, 201);
    }

    private boolean isClosed(FinancialQuarter q) {
        JsonNode review = expect(get("/api/reviews/" + q.pathId(), coordinator()), 200);
        return "closed".equals(review.path("status").asText());
    }

    private String reporter(int priority) {
        return switch (priority) {
            case 1 -> token("lead");
            case 2, 3 -> token("lead2");
            default -> coordinator();
        };
    }

    // ---------------------------------------------------------------------------------------------- engagement

    private int postEngagements(List<Engagement> engagements) {
        int posted = 0;
        for (Engagement e : engagements) {
            if (e.startDate().isAfter(today)) {
                continue;
            }
            ObjectNode body = JSON.createObjectNode()
                    .put("type", e.type())
                    .put("title", e.title())
                    .put("startDate", e.startDate().toString())
                    .put("outcomes", e.outcomes());
            body.putObject("place")
                    .put("level", "district")
                    .put("gss", "E07000082")
                    .put("name", "Stroud");
            ArrayNode priorities = body.putArray("priorities");
            e.priorities().forEach(priorities::add);
            if (e.attendance() != null) {
                body.put("attendance", e.attendance());
            }
            if (e.reach() != null) {
                body.put("reach", e.reach());
            }
            Reply reply = send("POST", "/api/engagements", token("engagement"), body.toString(), e.key());
            expect(reply, 201, 200);
            if (reply.replayed()) {
                replayed++;
            } else {
                posted++;
            }
        }
        log.accept("demo engagement: " + posted + " activities recorded");
        return posted;
    }

    /** Opens, closes and publishes each survey as far as it is not yet; returns how many it opened. */
    private int postSurveys(List<Survey> surveys) {
        int opened = 0;
        for (Survey s : surveys) {
            if (s.publishedOn().isAfter(today)) {
                continue;
            }
            String token = token("engagement");
            String path = "/api/consultations/" + s.id();
            JsonNode current = found(get(path, token));
            if (current.isMissingNode()) {
                ObjectNode open = JSON.createObjectNode()
                        .put("id", s.id())
                        .put("kind", "survey")
                        .put("title", s.title())
                        .put("opensOn", s.opensOn().toString())
                        .put("plannedClose", s.closedOn().toString());
                open.putArray("priorities").add(4);
                ArrayNode questions = open.putArray("questions");
                s.results()
                        .forEach(r ->
                                questions.addObject().put("code", r.question()).put("text", r.text()));
                current = expect(post("/api/consultations", token, open.toString()), 201);
                opened++;
            }
            if (current.path("status").asText().equals("open")) {
                current = expect(
                        send(
                                "POST",
                                path + "/close",
                                token,
                                "{\"closedOn\": \"" + s.closedOn() + "\"}",
                                null,
                                etag(path, token)),
                        200);
            }
            if (current.path("status").asText().equals("closed")) {
                ObjectNode results = JSON.createObjectNode()
                        .put("publishedOn", s.publishedOn().toString())
                        .put("period", s.financialYear())
                        .put("geography", s.geography());
                ArrayNode rows = results.putArray("results");
                s.results()
                        .forEach(r -> rows.addObject()
                                .put("question", r.question())
                                .put("indicator", r.indicator())
                                .put("percentage", r.percentage())
                                .put("sampleSize", r.sampleSize()));
                expect(send("POST", path + "/results", token, results.toString(), null, etag(path, token)), 200);
            }
        }
        log.accept("demo surveys: " + opened + " opened");
        return opened;
    }

    /** Takes each case review as far as the set says, from the stage it is at; returns how many it received. */
    private int postCaseReviews(List<CaseReview> reviews) {
        int received = 0;
        for (CaseReview c : reviews) {
            if (c.receivedOn().isAfter(today)) {
                continue;
            }
            String token = token("engagement");
            String path = "/api/case-reviews/" + c.reference();
            JsonNode current = found(get(path, token));
            if (current.isMissingNode()) {
                ObjectNode application = JSON.createObjectNode()
                        .put("caseReference", c.reference())
                        .put("receivedOn", c.receivedOn().toString());
                application.putArray("organisationNames").add("Stroud District Council");
                current = expect(post("/api/case-reviews", token, application.toString()), 201);
                received++;
            }
            if (c.met() != null && current.path("decision").isNull()) {
                ObjectNode decision = JSON.createObjectNode()
                        .put("decidedOn", c.decidedOn().toString())
                        .put("met", c.met())
                        .put("threshold", "Three qualifying complaints about the same problem within six months")
                        .put(
                                "reason",
                                (c.met() ? "Threshold met" : "Fewer than three qualifying complaints") + " ("
                                        + DemoData.LABEL + ")");
                current = step(path + "/threshold-decision", token, decision);
            }
            if (c.meetingOn() != null && current.path("meeting").isNull()) {
                ObjectNode meeting =
                        JSON.createObjectNode().put("heldOn", c.meetingOn().toString());
                meeting.putArray("organisationNames")
                        .add("Stroud District Council")
                        .add("Gloucestershire Police")
                        .add("Housing provider");
                current = step(path + "/meeting", token, meeting);
            }
            if (!c.recommendations().isEmpty()
                    && current.path("recommendations").isNull()) {
                ObjectNode recommendations =
                        JSON.createObjectNode().put("recordedOn", c.meetingOn().toString());
                ArrayNode texts = recommendations.putArray("recommendations");
                c.recommendations().forEach(texts::add);
                current = step(path + "/recommendations", token, recommendations);
            }
            if (c.outcome() != null && current.path("closure").isNull()) {
                step(
                        path + "/close",
                        token,
                        JSON.createObjectNode()
                                .put("closedOn", c.closedOn().toString())
                                .put("outcome", c.outcome())
                                .put("summary", c.summary()));
            }
        }
        log.accept("demo ASB case reviews: " + received + " received");
        return received;
    }

    /** A step of a case review, on the version it is at now. */
    private JsonNode step(String path, String token, ObjectNode body) {
        String resource = path.substring(0, path.lastIndexOf('/'));
        return expect(send("POST", path, token, body.toString(), null, etag(resource, token)), 200);
    }

    /** The reply's JSON when it is 200; a missing node when 404 (nothing there yet). */
    private static JsonNode found(Reply reply) {
        return reply.status() == 404
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : expect(reply, 200);
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    /** A response: status, body, ETag and whether it replays the first answer to its Idempotency-Key. */
    private record Reply(int status, String body, String etag, boolean replayed) {}

    private String coordinator() {
        return token("coordinator");
    }

    /** A token for a user name or {@code client:<id>}, reused for a minute (the realm issues them for longer). */
    private String token(String who) {
        String[] held = tokens.get(who);
        long now = System.nanoTime();
        if (held == null || now - Long.parseLong(held[1]) > TOKEN_REUSE.toNanos()) {
            String token = who.startsWith("client:")
                    ? credentials.client(who.substring("client:".length()))
                    : credentials.user(who);
            held = new String[] {token, Long.toString(now)};
            tokens.put(who, held);
        }
        return held[0];
    }

    private String etag(String path, String token) {
        Reply reply = get(path, token);
        expect(reply, 200);
        if (reply.etag() == null) {
            throw new IllegalStateException("GET " + path + " gave no ETag");
        }
        return reply.etag();
    }

    private Reply get(String path, String token) {
        return send("GET", path, token, null, null, null);
    }

    private Reply post(String path, String token, String body) {
        return send("POST", path, token, body, null, null);
    }

    private Reply send(String method, String path, String token, String body, String idempotencyKey) {
        return send(method, path, token, body, idempotencyKey, null);
    }

    private Reply send(String method, String path, String token, String body, String idempotencyKey, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers()
                            .firstValue("Idempotent-Replayed")
                            .map("true"::equals)
                            .orElse(false));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /**
     * The reply's JSON when its status is the first expected; a missing node for any other expected status (409: it
     * exists already); a failure naming the status and the problem otherwise.
     */
    private static JsonNode expect(Reply reply, int status, int... alsoFine) {
        if (reply.status() == status) {
            return json(reply.body());
        }
        for (int fine : alsoFine) {
            if (reply.status() == fine) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }
        throw new IllegalStateException("The demo data load was refused (" + reply.status() + "): " + reply.body());
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token source of a local Keycloak's demo realm. */
    public static Credentials of(Function<String, String> user, Function<String, String> client) {
        return new Credentials() {
            @Override
            public String user(String name) {
                return user.apply(name);
            }

            @Override
            public String client(String clientId) {
                return client.apply(clientId);
            }
        };
    }
}
