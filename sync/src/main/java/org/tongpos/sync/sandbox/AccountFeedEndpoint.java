package org.tongpos.sync.sandbox;

/**
 * {@code GET /v1/merchants/{mid}/accounts/changes?after=&limit=}: cursors are opaque decimal strings; no
 * {@code after} starts at the beginning; {@code limit} defaults to 100 and is capped at 500.
 */
final class AccountFeedEndpoint {

    private final SandboxDatabase database;
    private final AccountFeed feed;
    private final JsonBodies bodies;
    private final String merchantId;

    AccountFeedEndpoint(SandboxDatabase database, AccountFeed feed, JsonBodies bodies, String merchantId) {
        this.database = database;
        this.feed = feed;
        this.bodies = bodies;
        this.merchantId = merchantId;
    }

    ApiResponse changes(RequestContext request, String merchant) {
        if (!merchantId.equals(merchant)) {
            throw ApiException.notFound("no merchant " + merchant);
        }
        String after = request.queryParameter("after").map(AccountFeedEndpoint::cursor).orElse(null);
        int limit = request.queryParameter("limit").map(AccountFeedEndpoint::limit).orElse(AccountFeed.DEFAULT_LIMIT);
        return bodies.respond(200, database.inTransaction(connection -> feed.page(connection, after, limit)));
    }

    private static String cursor(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw ApiException.param("after must be a cursor from this feed");
        }
        return text;
    }

    private static int limit(String text) {
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1) {
            throw ApiException.param("limit must be a positive integer");
        }
        return Math.min(Integer.parseInt(text), AccountFeed.MAX_LIMIT);
    }
}
