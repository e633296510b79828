package org.csp.web.errors;

/** An address that names nothing: a quarter that is not one, say. Shown as the "page not found" page (404). */
public final class PageNotFound extends RuntimeException {

    public PageNotFound(String why) {
        super(why, null, false, false);
    }
}
