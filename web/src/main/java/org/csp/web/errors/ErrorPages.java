package org.csp.web.errors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.csp.web.gateway.GatewayProblem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of a page as a GOV.UK error page with its status: the gateway's 404 and 403 as "not found" and "you
 * cannot see this page", a gateway that cannot be reached or fails as "unavailable", anything else as "a problem with
 * the service". Never a stack trace, a class name or the gateway's own words about its internals.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(ErrorPage page);
    }

    @ServerExceptionMapper
    public Response gateway(GatewayProblem problem) {
        ErrorPage page = switch (problem.status()) {
            case 404 -> ErrorPage.notFound();
            case 403 -> ErrorPage.forbidden();
            case 401 -> ErrorPage.signedOut();
            default -> {
                LOG.warnf("the gateway answered %d: %s", problem.status(), problem.detail());
                yield problem.status() >= 500 || problem.status() == 429
                        ? ErrorPage.unavailable()
                        : ErrorPage.problem();
            }
        };
        return render(page);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException failure) {
        LOG.warnf("the gateway could not be reached: %s", failure.getMessage());
        return render(ErrorPage.unavailable());
    }

    /** A page the person's roles do not open ({@code @RolesAllowed}): the same page as the gateway's 403. */
    @ServerExceptionMapper
    public Response notAllowed(io.quarkus.security.ForbiddenException forbidden) {
        return render(ErrorPage.forbidden());
    }

    @ServerExceptionMapper
    public Response pageNotFound(PageNotFound notFound) {
        return render(ErrorPage.notFound());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException notFound) {
        return render(ErrorPage.notFound());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (status == 404) {
            return render(ErrorPage.notFound());
        }
        if (status == 403) {
            return render(ErrorPage.forbidden());
        }
        if (status < 500) {
            // 405, 406, 415 …: the page exists but not for this request; the status stays, the words are general
            return render(new ErrorPage(
                    status,
                    "Sorry, this page cannot be shown",
                    ErrorPage.notFound().paragraphs()));
        }
        LOG.error("a page failed", failure);
        return render(ErrorPage.problem());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException failure) {
        LOG.error("a page failed", failure);
        return render(ErrorPage.problem());
    }

    private static Response render(ErrorPage page) {
        return Response.status(page.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(page).render())
                .build();
    }
}
