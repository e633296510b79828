package org.csp.web.errors;

import java.util.List;

/** A GOV.UK error page: its heading (also the title) and what the person can do, in plain words. */
public record ErrorPage(int status, String heading, List<String> paragraphs) {

    public static ErrorPage notFound() {
        return new ErrorPage(
                404,
                "Page not found",
                List.of(
                        "If you typed the web address, check it is correct.",
                        "If you pasted the web address, check you copied the entire address.",
                        "A quarter is written like 2024-25-Q2: the financial year, then the quarter."));
    }

    public static ErrorPage forbidden() {
        return new ErrorPage(
                403,
                "You cannot see this page",
                List.of(
                        "Your account does not give you access to this page.",
                        "If you think it should, ask your partnership's coordinator."));
    }

    public static ErrorPage signedOut() {
        return new ErrorPage(
                401, "You need to sign in again", List.of("Your session has ended. Sign in again to see this page."));
    }

    public static ErrorPage unavailable() {
        return new ErrorPage(
                503,
                "Sorry, the service is unavailable",
                List.of("The partnership's figures cannot be read at the moment.", "Try again in a few minutes."));
    }

    public static ErrorPage problem() {
        return new ErrorPage(
                500,
                "Sorry, there is a problem with the service",
                List.of("Try again later.", "If it keeps happening, tell the service's administrator."));
    }
}
