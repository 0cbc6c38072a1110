package io.visualinspection.service;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A request whose {@code Accept} header admits none of an endpoint's types is answered in the endpoint's own type
 * (JSON) instead of with 406: the ancestor (FastAPI) disregarded the header, as HTTP allows, and HTTP clients of
 * line equipment send whatever their library defaults to ({@code text/plain}, {@code text/html}). The types the
 * caller prefers still win where the endpoint has them.
 */
@Provider
@PreMatching
public class AcceptFallback implements ContainerRequestFilter {

    /** Below any quality a caller gives, so that it only decides when nothing the caller named is on offer. */
    static final String ANYTHING_ELSE = "*/*;q=0.001";

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isBlank() && !accept.contains("*/*")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + ANYTHING_ELSE);
        }
    }
}
