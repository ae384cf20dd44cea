package dev.parley.server.http;

/**
 * Who made an authenticated request: the account and the sign-in session (by its SID hash) the
 * cookies named.
 */
public record Caller(String accountId, String email, String sidHash) {}
