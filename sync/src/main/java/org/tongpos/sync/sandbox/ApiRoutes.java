package org.tongpos.sync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps {@code METHOD path} to a handler; path groups are handed over as parameters. */
final class ApiRoutes {

    @FunctionalInterface
    interface Handler {
        ApiResponse handle(RequestContext request, List<String> pathParameters);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    ApiRoutes add(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    ApiResponse dispatch(RequestContext request) {
        for (Route route : routes) {
            Matcher matcher = route.path.matcher(request.path());
            if (matcher.matches() && route.method.equals(request.method())) {
                List<String> parameters = new ArrayList<>();
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    parameters.add(matcher.group(i));
                }
                return route.handler.handle(request, parameters);
            }
        }
        throw ApiException.notFound("no such endpoint: " + request.method() + " " + request.path());
    }
}
