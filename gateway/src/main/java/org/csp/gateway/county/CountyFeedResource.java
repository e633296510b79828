package org.csp.gateway.county;

import static org.csp.security.Roles.COUNTY_ANALYST;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.csp.codes.Coded;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Safer Gloucestershire's feed of every partnership's figures for a quarter ({@code GET /api/feeds/county/2024-25-Q2}),
 * for the county analyst: JSON, or CSV by {@code Accept: text/csv}; conditional with {@code If-None-Match} and
 * {@code If-Modified-Since}; {@code ?since=} a previous answer's cursor for only the rows changed after it. The fields
 * and the CSV's column order are in docs/county-feed.md.
 */
@Path("/api/feeds/county")
public class CountyFeedResource {

    /** The header that carries the cursor in both representations (the CSV has nowhere else to put it). */
    static final String CURSOR_HEADER = "Feed-Cursor";

    private static final MediaType CSV = MediaType.valueOf(FeedCsv.MEDIA_TYPE);

    private final CountyFeeds feeds;

    public CountyFeedResource(CountyFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("{quarter}")
    @Produces({MediaType.APPLICATION_JSON, FeedCsv.MEDIA_TYPE})
    @RolesAllowed(COUNTY_ANALYST)
    @APIResponse(
            responseCode = "200",
            description = "The feed: JSON, or CSV when Accept prefers text/csv",
            headers = {
                @Header(ref = "ETag"),
                @Header(ref = "Last-Modified"),
                @Header(
                        name = CURSOR_HEADER,
                        description = "This answer's cursor, for since",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountyFeed.class)),
                @Content(
                        mediaType = FeedCsv.MEDIA_TYPE,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "RFC 4180 with a header row, one row per data point"))
            })
    @APIResponse(responseCode = "304", ref = "NotModified")
    public Uni<Response> county(
            @PathParam("quarter") String quarter,
            @Parameter(description = "district (default), ward or county")
                    @Schema(maxLength = Coded.MAX_LENGTH)
                    @QueryParam("level")
                    String level,
            @Parameter(description = "core (default: the county core set) or all")
                    @Schema(maxLength = Coded.MAX_LENGTH)
                    @QueryParam("indicators")
                    String indicators,
            @Parameter(description = "A previous answer's cursor: only the rows changed after it")
                    @Schema(maxLength = FeedCursor.MAX_LENGTH)
                    @QueryParam("since")
                    String since,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
            @Context HttpHeaders headers) {
        FeedQuery query = FeedQuery.parse(quarter, level, indicators, since);
        boolean csv = prefersCsv(headers);
        return feeds.read(
                        query,
                        csv ? FeedCsv.MEDIA_TYPE : MediaType.APPLICATION_JSON,
                        ifNoneMatch,
                        httpDate(ifModifiedSince))
                .map(answer -> {
                    Response.ResponseBuilder response = switch (answer) {
                        case CountyFeeds.NotModified ignored -> Response.notModified();
                        case CountyFeeds.Fresh fresh
                        when csv ->
                            Response.ok(FeedCsv.write(fresh.feed().rows()))
                                    .type(FeedCsv.MEDIA_TYPE + "; charset=utf-8; header=present")
                                    .header(
                                            "Content-Disposition",
                                            "attachment; filename=\"county-feed-"
                                                    + query.quarter().pathId() + ".csv\"");
                        case CountyFeeds.Fresh fresh ->
                            Response.ok(fresh.feed()).type(MediaType.APPLICATION_JSON_TYPE);
                    };
                    return response.header(HttpHeaders.ETAG, answer.etag())
                            .lastModified(Date.from(answer.lastModified()))
                            .header(CURSOR_HEADER, answer.cursor().toString())
                            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                            .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                            .build();
                });
    }

    /** CSV when the client's most preferred acceptable type is CSV; JSON otherwise (also for any type). */
    private static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(CSV)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** An HTTP date; null when absent or not one (an unreadable If-Modified-Since is ignored, as RFC 9110 says). */
    private static Instant httpDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
