/**
 * What every HTTP feature shares: problem JSON (RFC 9457), keyset pages and CSV downloads. An open module: any
 * module may use any of its types.
 */
@ApplicationModule(displayName = "Web support", type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.hato.sms.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
