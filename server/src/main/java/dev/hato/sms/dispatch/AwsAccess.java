package dev.hato.sms.dispatch;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How this service reaches AWS, the same for SNS, End User Messaging and the receipts queue: static keys
 * when a setting gives them, else the SDK's default chain; and the error codes that mean the access, not
 * the request, is wrong.
 */
public final class AwsAccess {

    /** Errors that say nothing about a request and everything about this service's access to AWS. */
    static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "InvalidClientTokenId",
            "ExpiredToken",
            "ExpiredTokenException",
            "SignatureDoesNotMatch",
            "InvalidSignatureException",
            "IncompleteSignature",
            "AuthorizationError",
            "AccessDenied",
            "AccessDeniedException",
            "UnrecognizedClientException",
            "InvalidAccessKeyId",
            "MissingAuthenticationToken",
            "RequestExpired");

    private AwsAccess() {}

    /** Static credentials when {@code accessKeyId} is set (LocalStack, moto, tests), else the default chain. */
    public static AwsCredentialsProvider credentials(@Nullable String accessKeyId, @Nullable String secretAccessKey) {
        if (hasText(accessKeyId)) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
