package org.csp.web.gateway;

/**
 * The gateway answered a call with a problem ({@code application/problem+json}, RFC 9457): its status, and its title
 * and detail when it sent them (null otherwise). The error pages show it in words, never as a stack trace.
 */
public final class GatewayProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;

    public GatewayProblem(int status, String title, String detail) {
        super("gateway answered " + status + (title == null ? "" : " " + title), null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
