package dev.hato.sms.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.hato.sms.web.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Parses what staff type (090-1234-5678, 09012345678, +819012345678) into E.164, accepting only numbers that take SMS. */
@Component
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;
    private final Set<String> allowedCountries;

    /**
     * @param allowedCountries ISO 3166 regions whose numbers may receive SMS ({@code
     *     sms.limits.allowed-countries}): toll fraud ("SMS pumping") sends to expensive foreign ranges
     */
    @Autowired
    public PhoneNumbers(
            CustomerProperties properties, @Value("${sms.limits.allowed-countries:JP}") List<String> allowedCountries) {
        this.defaultRegion = properties.defaultRegion();
        this.allowedCountries = allowedCountries.stream()
                .map(c -> c.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The E.164 form, or a 400 with a field error on {@code field} saying why the number cannot receive SMS. */
    public String toE164(String field, String input) {
        String reason = rejection(input);
        if (reason != null) {
            throw ApiProblem.invalidField(field, reason);
        }
        return UTIL.format(parse(input), PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** The E.164 form of a number {@link #rejection} accepted (the import checks each row once). */
    String e164Of(String accepted) {
        return UTIL.format(parse(accepted), PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** Why the number cannot receive SMS, or null when it can. */
    String rejection(String input) {
        if (input == null || input.isBlank()) {
            return "is required";
        }
        if (input.length() > 32 || !input.matches("[+0-9()\\-\\s.]+")) {
            return "may only hold digits, spaces, hyphens and a leading +";
        }
        PhoneNumber number;
        try {
            number = parse(input);
        } catch (IllegalArgumentException e) {
            return "is not a phone number";
        }
        switch (UTIL.isPossibleNumberWithReason(number)) {
            case TOO_SHORT:
                return "is too short";
            case TOO_LONG:
                return "is too long";
            case INVALID_COUNTRY_CODE:
                return "has an unknown country code";
            case IS_POSSIBLE:
            case IS_POSSIBLE_LOCAL_ONLY:
                break;
            default:
                return "is not a valid number";
        }
        if (!UTIL.isValidNumber(number)) {
            return "is not a valid number";
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        switch (type) {
            case MOBILE:
            case FIXED_LINE_OR_MOBILE:
                String region = UTIL.getRegionCodeForNumber(number);
                if (!allowedCountries.contains(region)) {
                    return "is a number in " + region + "; SMS may only go to numbers in "
                            + String.join(", ", new java.util.TreeSet<>(allowedCountries));
                }
                return null;
            case FIXED_LINE:
                return "is a landline and cannot receive SMS";
            case VOIP:
                return "is an IP phone number (such as 050) and cannot receive SMS";
            case PREMIUM_RATE:
                return "is a premium-rate number and cannot receive SMS";
            case TOLL_FREE:
                return "is a toll-free number and cannot receive SMS";
            default:
                return "is a " + type.name().toLowerCase().replace('_', ' ') + " number and cannot receive SMS";
        }
    }

    private PhoneNumber parse(String input) {
        try {
            return UTIL.parse(input.trim(), defaultRegion);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
