package dev.hato.sms.web;

/**
 * A path whose requests may carry a larger body than {@code sms.web.max-request-body} (a file upload);
 * a module that takes uploads declares one as a bean, and the request guard applies it.
 */
public record UploadLimit(String path, long bytes) {}
