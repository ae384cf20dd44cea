package dev.parley.server.storage;

/**
 * A signed-in session: the SID cookie is stored hashed; the SAPISID is stored as issued because the
 * server recomputes SAPISIDHASH from it (it grants nothing without the SID).
 */
public record SignInSession(String sidHash, String sapisid, String accountId, long createdAt) {}
