package dev.hato.sms.customer;

import dev.hato.sms.web.ProblemType;
import dev.hato.sms.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Why a change to a customer is refused. */
@Component
final class CustomerProblems implements ProblemTypes {

    /** Lifting an opt-out is a compliance decision: a superuser makes it, with a recorded reason. */
    static final ProblemType OPT_OUT_LIFT_FORBIDDEN = new ProblemType(
            "opt-out-lift-forbidden",
            HttpStatus.FORBIDDEN,
            "Only superusers may lift an opt-out",
            "a staff member without the superuser flag sent `opted_out: false` for an opted-out number");

    static final ProblemType IMPORT_FILE_REFUSED = new ProblemType(
            "import-file-refused",
            HttpStatus.BAD_REQUEST,
            "File cannot be imported",
            "the upload is not a CSV customer list this service reads (`reason`: not-csv, empty, encoding,"
                    + " no-phone-column, too-many-columns, cell-too-long); nothing changed");
    static final ProblemType IMPORT_TOO_LARGE = new ProblemType(
            "import-too-large",
            HttpStatus.CONTENT_TOO_LARGE,
            "File too large",
            "the upload is larger than sms.import.max-bytes; nothing changed");
    static final ProblemType IMPORT_HAS_REFUSED_ROWS = new ProblemType(
            "import-has-refused-rows",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Rows refused",
            "all-or-nothing found rows that cannot be imported (listed in `results`); nothing changed");
}
